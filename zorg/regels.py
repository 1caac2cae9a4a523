"""The terms and rules of the care escalation that are not per school (yet).

Seed 001 names no term for the mentor's conversation after a signal; issue 6 sets the
DEFAULT at five school days. Evaluation and look-again dates are chosen by the user and
stored as chosen dates: a calendar change never moves them (issue 12, point 7).
"""

from statuut.models import Eenheid

#: DEFAULT (issue 6; seed 001 stap 1a/1b names no term): the mentor talks to the pupil
#: within five school days of the (first) signal.
MENTORGESPREK_AANTAL = 5
MENTORGESPREK_EENHEID = Eenheid.SCHOOLDAGEN
BRON = "Seed 001 (zorgroute), stap 1a/1b; termijn: DEFAULT"
BRON_OBSERVATIE = "Seed 001 (zorgroute), stap 1b: leerling goed blijven observeren"
BRON_EVALUATIE = "Seed 001 (zorgroute), stap 4/5: evaluatie van het plan van aanpak"

#: DEFAULT (issue 12, point 15; seed 001 stap 2.2/3 names no term): whoever a pupil is
#: referred to takes the case up within ten school days.
AANMELDING_AANTAL = 10
AANMELDING_EENHEID = Eenheid.SCHOOLDAGEN
BRON_AANMELDING = "Seed 001 (zorgroute), stap 2: officiële aanmelding; termijn: DEFAULT"
