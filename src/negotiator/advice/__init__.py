"""The words of the plan (checklist, talking points, script, objections, mistakes, letter, rights),
filled with the case's own numbers. Sentences live in content/<lang>/{advice,checklist,script,
objections,letter,rights}.toml; this package only chooses them and fills them in.
"""

from __future__ import annotations

from negotiator.records.plan import Content, Plan
from negotiator.words import t


def build_content(plan: Plan) -> Content:
    from negotiator.advice.checklist import checklist  # noqa: PLC0415
    from negotiator.advice.keeping import keeping  # noqa: PLC0415
    from negotiator.advice.letter import letter  # noqa: PLC0415
    from negotiator.advice.objections import for_lenders  # noqa: PLC0415
    from negotiator.advice.phrasing import lines  # noqa: PLC0415
    from negotiator.advice.rights import rights  # noqa: PLC0415
    from negotiator.advice.script import script  # noqa: PLC0415
    from negotiator.advice.talking import talking_points  # noqa: PLC0415
    from negotiator.advice.values import case_values, debt_values  # noqa: PLC0415

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
