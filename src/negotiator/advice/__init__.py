"""The words of the plan (checklist, talking points, script, objections, mistakes, letter, rights),
filled with the case's own numbers. Sentences live in content/<lang>/{advice,checklist,script,
objections,letter,rights}.toml; this package only chooses them and fills them in.
"""

from __future__ import annotations

from negotiator.records.plan import Content, Plan


def build_content(plan: Plan) -> Content:
    from negotiator.advice.checklist import checklist
    from negotiator.advice.keeping import keeping
    from negotiator.advice.letter import letter
    from negotiator.advice.objections import for_lenders
    from negotiator.advice.phrasing import lines
    from negotiator.advice.rights import rights
    from negotiator.advice.script import script
    from negotiator.advice.talking import talking_points
    from negotiator.advice.values import case_values, debt_values
    from negotiator.words import t

    lang = plan.lang
    common = case_values(plan)
    per_debt = [{**common, **debt_values(plan, d)} for d in plan.numbers.debts]
    return Content(
        checklist=checklist(plan, common),
        talking_points=talking_points(plan, common, per_debt),
        script=tuple(script(plan, d, v) for d, v in zip(plan.numbers.debts, per_debt, strict=True)),
        objections=for_lenders(lang, common, plan.numbers.debts),
        mistakes=tuple(lines(lang, "advice.mistakes.items", **common)),
        letter=tuple(letter(plan, d, v) for d, v in zip(plan.numbers.debts, per_debt, strict=True)),
        rights=rights(plan),
        disclaimer=t(lang, "advice.disclaimer.text"),
        keeping=keeping(plan),
    )
