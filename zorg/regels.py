"""The terms and rules of the care escalation that are not per school (yet).

Seed 001 names no term for the mentor's conversation after a signal; issue 6 sets the
DEFAULT at five school days. Evaluation and look-again dates are chosen by the user and
stored as school-day terms, so a calendar change moves them like every other deadline.
"""

from statuut.models import Eenheid

#: DEFAULT (issue 6; seed 001 stap 1a/1b names no term): the mentor talks to the pupil
#: within five school days of the (first) signal.
MENTORGESPREK_AANTAL = 5
MENTORGESPREK_EENHEID = Eenheid.SCHOOLDAGEN
BRON = "Seed 001 (zorgroute), stap 1a/1b; termijn: DEFAULT"
BRON_OBSERVATIE = "Seed 001 (zorgroute), stap 1b: leerling goed blijven observeren"
BRON_EVALUATIE = "Seed 001 (zorgroute), stap 4/5: evaluatie van het plan van aanpak"
