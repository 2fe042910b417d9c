"""The wizard asks through negotiator.question, as the commands that ask do (`log add`)."""

from negotiator.question import CLEAR, Question, Refused, ask, ask_all, read, shown

__all__ = ["CLEAR", "Question", "Refused", "ask", "ask_all", "read", "shown"]
