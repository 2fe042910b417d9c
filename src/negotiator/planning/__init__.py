"""The planning engine: pure functions from a Case to the numbers of a plan. No I/O, no printing.

`engine` builds a plan's numbers (`plan_numbers`) from the parts beside it: `budget`, `allocation`,
`ladder`, `proposals`, `schedules`, `limitation`, `follow_up`, `incidents` and the offer readers.
Import what you use from its own module: `negotiator calc` needs only `schedules`, and must not
pay for the answers model that `engine` loads.
"""
