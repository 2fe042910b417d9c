"""The case: what the borrower told us, from the wizard or an answers file.

Field names here are a public contract (the answers file, `negotiator schema`). Money fields take
strings such as "1.2万" or numbers and are held as Decimal to the fen.

Annotations here are objects, not strings (no `from __future__ import annotations`): pydantic
reads them at import and would otherwise evaluate each string first.
"""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_serializer,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import (
    FieldSerializationInfo,
    ValidatorFunctionWrapHandler,
)

from negotiator.core import typed
from negotiator.core.controls import UNSAFE, escaped
from negotiator.core.enums import Category as Category
from negotiator.core.enums import Cause as Cause
from negotiator.core.enums import DebtKind as DebtKind
from negotiator.core.enums import ProposalKind as ProposalKind
from negotiator.core.enums import Stage as Stage
from negotiator.core.errors import Refused
from negotiator.core.when import Day

SCHEMA_VERSION: Literal[1] = 1
EARLIEST, LATEST, RATE_STEP = typed.EARLIEST, typed.LATEST, typed.RATE_STEP

# The answers file says what is wrong in its own words, after the place in the file (errors.toml
# [field]): the refusals of the typed values, as the error types those words are found under.
_IN_THE_FILE = {
    "values.amount.empty": "money_empty",
    "values.amount.not_a_number": "money_not_a_number",
    "values.amount.grouping": "money_grouping",
    "values.amount.negative": "money_negative",
    "values.amount.too_large": "money_too_large",
    "values.percent.not_a_number": "percent_not_a_number",
    "values.percent.negative": "money_negative",
    "values.percent.too_large": "percent_too_large",
    "values.date.range": "date_out_of_range",
}


def _in_the_file(refused: Refused, limit: object = None) -> PydanticCustomError:
    context = {"limit": limit} if limit is not None else None
    return PydanticCustomError(_IN_THE_FILE.get(refused.key, "other"), refused.key, context)


def _money(value: object) -> Decimal:
    if isinstance(value, float) and not isinstance(value, bool):
        # Only reached from Python callers; files are read with parse_float=Decimal.
        value = Decimal(repr(value))
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise PydanticCustomError("money_not_a_number", "must be an amount")
    try:
        return typed.amount(value)
    except Refused as exc:
        raise _in_the_file(exc) from exc


def _percent(limit: int) -> Callable[[object], Decimal]:
    def check(value: object) -> Decimal:
        if isinstance(value, float) and not isinstance(value, bool):
            value = Decimal(repr(value))
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise PydanticCustomError("percent_not_a_number", "must be a number from 0 to {limit}", {"limit": limit})
        try:
            return typed.percent(value, limit)
        except Refused as exc:
            raise _in_the_file(exc, limit) from exc

    return check


# The mark a typed value leaves in pydantic's JSON Schema; answers_schema.py puts the schema of
# the value there. That schema is derived from the value's reader (see spellings.py) and takes a
# few tenths of a second, so it is built only when `negotiator schema` asks, never when a case is
# read; and pydantic would try to follow a reference it did not make itself.
TYPED_VALUE = "x-typed-value"


class _SchemaOf:
    """What a typed value is called in the published JSON Schema: Amount, Percent50, ..."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get_pydantic_json_schema__(self, core_schema: object, handler: object) -> dict[str, str]:
        return {TYPED_VALUE: self.name}


Money = Annotated[Decimal, BeforeValidator(_money), _SchemaOf("Amount")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


def _not_true_or_false(value: object) -> object:
    """`true` where a number belongs is a mistake, not 1: JSON keeps the two apart, so do we."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "must be a whole number")
    return value


WholeNumber = BeforeValidator(_not_true_or_false)


def no_controls(value: str) -> str:
    """A name (a lender, an income, who called) is one line of visible text: a control character
    or a direction mark in it is never meant, and could take over a screen it is shown on."""
    found = UNSAFE.search(value)
    if found is not None:
        raise PydanticCustomError("control_character", "contains a control character ({shown})", {"shown": escaped(found.group(0))})
    return value


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), AfterValidator(no_controls)]
DailyRate = Annotated[Decimal, BeforeValidator(_percent(1)), _SchemaOf("Percent1")]
AnnualRate = Annotated[Decimal, BeforeValidator(_percent(400)), _SchemaOf("Percent400")]
BufferPercent = Annotated[Decimal, BeforeValidator(_percent(50)), _SchemaOf("Percent50")]


def _in_range(value: dt.date | None) -> dt.date | None:
    # plan_date may be null ("today"); only a real date has a range to check.
    if value is not None:
        try:
            typed.in_range(value)
        except Refused as exc:
            raise _in_the_file(exc) from exc
    return value


class _Strict(BaseModel):
    # The parts of a case are built into Case, the model every file is read into; building each
    # on its own as well costs about a millisecond at every start. A part used alone (the wizard
    # checks one debt at a time) is built the first time it is used.
    model_config = ConfigDict(extra="forbid", use_enum_values=False, defer_build=True)


# "2026-09" (a month, as people remember when things went wrong) counts from the 1st.
_given_to_month = typed.to_month

MonthOrDay = Annotated[
    dt.date,
    BeforeValidator(typed.month_or_day),
    _SchemaOf("MonthOrDay"),
]


class Hardship(_Strict):
    cause: Cause
    details: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""
    since: MonthOrDay
    expected_months: Annotated[int, Field(ge=1, le=120), WholeNumber] | None = None
    income_before: Money | None = None
    # Given as "2026-09": the plan quotes the month and never invents a day.
    _since_to_month: bool = PrivateAttr(default=False)

    _since_range = field_validator("since")(_in_range)

    @model_validator(mode="wrap")
    @classmethod
    def _remember_month(cls, data: object, handler: ValidatorFunctionWrapHandler) -> "Hardship":
        made: Hardship = handler(data)
        if isinstance(data, dict) and _given_to_month(data.get("since")):
            made._since_to_month = True
        return made

    @field_serializer("since", when_used="json")
    def _since_as_given(self, value: dt.date) -> str:
        return value.isoformat()[:7] if self._since_to_month else value.isoformat()

    @property
    def since_given(self) -> Day:
        """`since` as it was given: to the day, or to the month."""
        return Day(self.since.year, self.since.month, None if self._since_to_month else self.since.day)


class Income(_Strict):
    source: Name
    monthly: Money


class Expense(_Strict):
    category: Category
    monthly: Money


class Priority(_Strict):
    name: Name
    monthly: Money


# A bank card's individual instalment plan is reported to be capped at 60 instalments (facts.md §1, R).
CARD_MAX_MONTHS = 60
# What other lenders usually grant is not documented (facts.md §10, U): the tool assumes 36 months.
ASSUMED_MONTHS = 36


class Debt(_Strict):
    lender: Name
    kind: DebtKind
    principal: Money
    interest: Money = Decimal("0.00")
    penalties: Money = Decimal("0.00")
    days_overdue: Annotated[int, Field(ge=0, le=36500), WholeNumber] = 0
    daily_rate_percent: DailyRate | None = None
    annual_rate_percent: AnnualRate | None = None
    contract_monthly: Money = Decimal("0.00")
    stage: Stage = Stage.reminders
    max_months: Annotated[int, Field(ge=1, le=120), WholeNumber] | None = None
    chosen: ProposalKind | None = None
    # The two dates that restart the statute of limitations (民法典 Art. 195): the last payment
    # made, and the last demand received (a call, SMS or letter from the lender or its agent).
    # Either may be given as "2023-05" when only the month is remembered; it counts from the 1st
    # and is shown as the month.
    last_payment_date: MonthOrDay | None = None
    last_demand_date: MonthOrDay | None = None
    _to_month: frozenset[str] = PrivateAttr(default=frozenset())

    _dates_range = field_validator("last_payment_date", "last_demand_date")(_in_range)

    @model_validator(mode="wrap")
    @classmethod
    def _remember_months(cls, data: object, handler: ValidatorFunctionWrapHandler) -> "Debt":
        made: Debt = handler(data)
        if isinstance(data, dict):
            made._to_month = frozenset(k for k in ("last_payment_date", "last_demand_date") if _given_to_month(data.get(k)))
        return made

    @field_serializer("last_payment_date", "last_demand_date", when_used="json")
    def _date_as_given(self, value: dt.date | None, info: FieldSerializationInfo) -> str | None:
        if value is None:
            return None
        return value.isoformat()[:7] if info.field_name in self._to_month else value.isoformat()

    def given(self, field: str) -> Day | None:
        """One of the two dates as it was given: to the day, or to the month; None when not given."""
        value = getattr(self, field)
        if value is None:
            return None
        return Day(value.year, value.month, None if field in self._to_month else value.day)

    @model_validator(mode="after")
    def _one_rate(self) -> "Debt":
        if (self.daily_rate_percent is None) == (self.annual_rate_percent is None):
            raise PydanticCustomError("one_rate", "give exactly one of daily_rate_percent or annual_rate_percent")
        if self.balance <= 0:
            raise PydanticCustomError("empty_balance", "principal, interest and penalties add up to nothing")
        return self

    @property
    def balance(self) -> Decimal:
        return self.principal + self.interest + self.penalties

    @property
    def annual_rate(self) -> Decimal:
        """The contract rate as an annual percent; a daily rate counts 365 days."""
        if self.annual_rate_percent is not None:
            return self.annual_rate_percent
        assert self.daily_rate_percent is not None
        return self.daily_rate_percent * 365

    @property
    def term_limit(self) -> int:
        """The longest term the plan asks for within the usual terms. For a credit card it is the
        reported cap of an individual instalment plan, 60 instalments (facts.md section 1, R), and
        no `max_months` goes past it. For the others nothing documents what the lender usually
        grants (facts.md section 10, U): 36 is this tool's own assumption, which `max_months` in
        the answers file changes."""
        if self.kind is DebtKind.credit_card:
            return min(self.max_months or CARD_MAX_MONTHS, CARD_MAX_MONTHS)
        return self.max_months or ASSUMED_MONTHS

    @property
    def card_capped(self) -> bool:
        """No plan for this debt may run past 60 monthly instalments (a credit card, facts.md §1)."""
        return self.kind is DebtKind.credit_card


class Case(_Strict):
    model_config = ConfigDict(defer_build=False)  # built at import: every command reads a case
    schema_version: Literal[1] = SCHEMA_VERSION
    language: Literal["zh", "en"]
    hardship: Hardship
    income: Annotated[list[Income], Field(max_length=50)] = []
    expenses: Annotated[list[Expense], Field(max_length=50)] = []
    priority: Annotated[list[Priority], Field(max_length=50)] = []
    lump_sum: Money = Decimal("0.00")
    plan_date: dt.date | None = None
    buffer_percent: BufferPercent = Decimal("10")
    debts: Annotated[list[Debt], Field(min_length=1, max_length=200)]

    _plan_date_range = field_validator("plan_date")(_in_range)

    @model_validator(mode="before")
    @classmethod
    def _without_schema_key(cls, data: object) -> object:
        # "$schema" tells an editor where the file's JSON Schema is (`negotiator schema -o`); it is
        # not part of the case, so it is accepted and dropped.
        if isinstance(data, dict) and "$schema" in data:
            return {key: value for key, value in data.items() if key != "$schema"}
        return data

    def planned_on(self, today: dt.date | None = None) -> dt.date:
        return self.plan_date or today or dt.date.today()
