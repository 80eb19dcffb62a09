#!/usr/bin/env bash
# Checks the sample's security statement as it is published: built into a MkDocs Material site
# with `mkdocs build --strict`, and as the Maven site page, both opened in headless Chromium at
# 1280 px. Fails when an element overflows the content column (or is cut off or scrolls inside
# it), a heading has no anchor, an in-page link misses its anchor, or an image is not drawn.
# Screenshots go to the output folder.
#
# Usage: scripts/check-pages.sh [--self-test] STATEMENT_DIR SITE_PAGE OUTPUT_DIR
#   STATEMENT_DIR  folder with SECURITY.md and privileges-diagram.svg (privileges:generate output)
#   SITE_PAGE      the Maven site page (privileges-statement.html under target/site), or "-" for none
#   OUTPUT_DIR     where the MkDocs site, the measurements and the screenshots go
#   --self-test    first prove the checker fails on a deliberately overflowing table and on a link
#                  to a missing anchor, and passes on the statement itself
#
# Missing tools are installed from Debian's packages (mkdocs, mkdocs-material, chromium) when the
# script runs as root or with sudo; otherwise it says what to install. Maven runs it at `verify`
# in sample-collector; `-Dpages.skip` skips it on machines without apt.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
self_test=false
if [[ "${1:-}" == "--self-test" ]]; then
  self_test=true
  shift
fi
if [[ $# -ne 3 ]]; then
  echo "usage: $0 [--self-test] STATEMENT_DIR SITE_PAGE OUTPUT_DIR" >&2
  exit 2
fi
statement_dir="$(cd "$1" && pwd)"
site_page="$2"
out="$3"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
width=1280

install_tools() {
  local missing=()
  command -v mkdocs >/dev/null 2>&1 || missing+=(mkdocs)
  [[ -d /usr/share/mkdocs/themes/material ]] || python3 -c 'import material' >/dev/null 2>&1 || missing+=(mkdocs-material)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return
  fi
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "check-pages: missing ${missing[*]}: install the Debian packages (apt-get install ${missing[*]})," \
        "or skip the page check with -Dpages.skip" >&2
      exit 3
    fi
  fi
  echo "check-pages: installing ${missing[*]} from Debian packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The mkdocs.yml the docs recommend (docs/security-statement.md, "Publishing with MkDocs Material").
write_mkdocs_project() {
  local dir="$1" source="$2"
  rm -rf "$dir"
  mkdir -p "$dir/docs"
  cp "$source/SECURITY.md" "$dir/docs/index.md"
  cp "$source/privileges-diagram.svg" "$dir/docs/"
  cat > "$dir/mkdocs.yml" <<'YAML'
site_name: Sample Agent
theme:
  name: material
  font: false        # no Google Fonts request: the site also works on a closed network
markdown_extensions:
  - attr_list        # the statement's {#anchor} on every heading
  - tables
  - toc:
      permalink: true
YAML
}

build_mkdocs() {
  local dir="$1" log
  # --strict: a warning (a broken link, a missing file) fails the build
  if ! log="$(cd "$dir" && mkdocs build --strict --site-dir site 2>&1)"; then
    echo "check-pages: mkdocs build --strict failed in $dir:" >&2
    grep -v -e '^INFO' -e DeprecationWarning <<<"$log" >&2 || true
    return 1
  fi
}

chromium_run() {
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-extensions \
    --no-first-run --disable-background-networking --force-device-scale-factor=1 "$@" 2>/dev/null
}

# screenshot HTML CONTENT_SELECTOR ANCHOR PNG: the page at 1280 px, starting at the heading ANCHOR.
# A copy of the page drops the content before the heading (before the first paint), since
# scrolling a long page in headless Chromium is slow and unreliable.
screenshot() {
  local html="$1" selector="$2" anchor="$3" png="$4"
  local copy="${html%.html}.screenshot.html"
  /usr/bin/python3 - "$html" "$copy" "$selector" "$anchor" <<'PY'
import json, sys
page, copy, selector, anchor = sys.argv[1:]
text = open(page, encoding="utf-8").read()
code = """<script>
(function () {
  var node = document.getElementById(%s), stop = document.querySelector(%s);
  while (node && node !== stop && node.parentNode) {
    for (var p = node.previousSibling; p; ) {
      var before = p.previousSibling;
      if (!(p.nodeType === 1 && /^(STYLE|SCRIPT|LINK)$/.test(p.tagName))) { p.parentNode.removeChild(p); }
      p = before;
    }
    node = node.parentNode;
  }
})();
</script>
""" % (json.dumps(anchor), json.dumps(selector))
i = text.rfind("</body>")
open(copy, "w", encoding="utf-8").write(text[:i] + code + text[i:])
PY
  chromium_run --window-size=${width},1300 --screenshot="$png" "file://$copy" >/dev/null || true
  rm -f "$copy"
}

# check_page NAME HTML CONTENT_SELECTOR [noshots]: prints problems and returns 1 if any; writes
# NAME.json (the measurement) and, unless noshots, two screenshots
check_page() {
  local name="$1" html="$2" selector="$3" shots=true
  [[ "${4:-}" == noshots ]] && shots=false
  local probe="${html%.html}.page-check.html"
  # a copy beside the page, so its relative CSS and images load; the checker goes before </body>
  /usr/bin/python3 - "$html" "$probe" "$here/page-check.js" "$selector" <<'PY'
import sys
page, probe, script, selector = sys.argv[1:]
text = open(page, encoding="utf-8").read()
text = text.replace("<html", '<html data-page-check-content="%s"' % selector, 1)
code = "<script>\n" + open(script, encoding="utf-8").read() + "\n</script>\n"
i = text.rfind("</body>")
open(probe, "w", encoding="utf-8").write(text[:i] + code + text[i:] if i >= 0 else text + code)
PY
  chromium_run --window-size=${width},1000 --virtual-time-budget=3000 --dump-dom "file://$probe" > "$out/$name.dom.html" || true
  local verdict
  verdict="$(/usr/bin/python3 - "$out/$name.dom.html" "$name" "$out/$name.json" <<'PY'
import html, json, re, sys
dom, name, target = sys.argv[1:]
m = re.search(r"id=\"page-check-result\"[^>]*>PAGE-CHECK-BEGIN(.*?)PAGE-CHECK-END", open(dom, encoding="utf-8").read(), re.S)
if not m:
    print("FAIL %s: the page did not finish loading in Chromium (no measurement)" % name)
    sys.exit(0)
result = json.loads(html.unescape(m.group(1)))
open(target, "w", encoding="utf-8").write(json.dumps(result, indent=2) + "\n")
for p in result["problems"]:
    print("FAIL %s: %s" % (name, p))
if result["more"]:
    print("FAIL %s: ... and %d more" % (name, result["more"]))
print("DIAGRAMS %d" % result["diagrams"])
PY
)"
  rm -f "$probe"
  local diagrams
  diagrams="$(sed -n 's/^DIAGRAMS //p' <<<"$verdict")"
  if [[ "$shots" == true ]]; then
    screenshot "$html" "$selector" at-a-glance "$out/$name-at-a-glance.png"
    screenshot "$html" "$selector" without-a-feature "$out/$name-without-a-feature.png"
  fi
  if grep -q '^FAIL' <<<"$verdict"; then
    grep '^FAIL' <<<"$verdict" >&2
    return 1
  fi
  echo "check-pages: $name OK at ${width} px (${diagrams:-0} diagram; screenshots $out/$name-*.png)"
}

install_tools

if $self_test; then
  # The checker must catch what issue 14 found: a table running past the content column, and a
  # link whose anchor is missing. Both are planted into a copy of the statement.
  bad="$out/self-test/statement"
  rm -rf "$bad" && mkdir -p "$bad"
  cp "$statement_dir/SECURITY.md" "$statement_dir/privileges-diagram.svg" "$bad/"
  # Twelve columns: every header cell is at least 5rem wide in Material, as the first matrix was.
  {
    printf '\n## Deliberately broken {#deliberately-broken}\n\n|'
    for i in $(seq 1 12); do printf ' Column %d |' "$i"; done
    printf '\n|'
    for i in $(seq 1 12); do printf ' --- |'; done
    printf '\n|'
    for i in $(seq 1 11); do printf ' x |'; done
    printf ' see [nowhere](#no-such-anchor) |\n'
  } >> "$bad/SECURITY.md"
  write_mkdocs_project "$out/self-test/mkdocs" "$bad"
  build_mkdocs "$out/self-test/mkdocs"
  failures="$(check_page self-test-overflow "$out/self-test/mkdocs/site/index.html" 'div.md-content' noshots 2>&1 || true)"
  if ! grep -q 'overflows the content column\|cut off or scrolling' <<<"$failures" \
      || ! grep -q 'missing anchor #no-such-anchor' <<<"$failures"; then
    echo "check-pages: self-test FAILED: the checker did not report the planted overflow and missing anchor:" >&2
    echo "$failures" >&2
    exit 1
  fi
  echo "check-pages: self-test OK (the planted overflowing table and missing anchor were reported)"
fi

status=0
write_mkdocs_project "$out/mkdocs" "$statement_dir"
build_mkdocs "$out/mkdocs" || status=1
if [[ -f "$out/mkdocs/site/index.html" ]]; then
  check_page mkdocs "$out/mkdocs/site/index.html" 'div.md-content' || status=1
fi
if [[ "$site_page" != "-" ]]; then
  if [[ ! -f "$site_page" ]]; then
    echo "check-pages: the Maven site page $site_page does not exist" >&2
    status=1
  else
    check_page maven-site "$(cd "$(dirname "$site_page")" && pwd)/$(basename "$site_page")" '#bodyColumn' || status=1
  fi
fi
exit $status
