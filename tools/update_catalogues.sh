#!/bin/sh
# Collect every t("...") in the code into the gettext templates and bring each language's catalogues up to date
# (new strings appear with an empty msgstr for a translator; tests/test_i18n.py fails until they are filled).
# Run from the project root: sh tools/update_catalogues.sh   (README "Languages")
set -e
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
OPTS="-F babel.cfg -k t -k tc:1c,2 --no-default-keywords --no-location --sort-output --omit-header"
$PYBABEL extract $OPTS -o content/i18n/ui.pot explainer/ui
$PYBABEL extract $OPTS --ignore-dirs=ui -o content/i18n/core.pot explainer
for domain in ui core; do
  $PYBABEL update -D "$domain" -i "content/i18n/$domain.pot" -d content/i18n --no-fuzzy-matching --omit-header --ignore-obsolete
done
