"""Reminders and escalation for open deadlines (statuut.Termijn). Filled in by issue 3."""
