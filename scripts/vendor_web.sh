#!/usr/bin/env bash
# Copies the workbench's JavaScript libraries (and their licences) from npm into
# annales/web/static/vendor/, so that the pages work offline: nothing is fetched from a CDN at
# run time. The copied files are committed; run this again only to change a version.
# The base map is Natural Earth 1:110m land (public domain) through the `world-atlas` package
# (ISC), converted from TopoJSON to GeoJSON once here with `topojson-client`.
set -euo pipefail

HTMX=2.0.11            # 4.x changes attribute inheritance and events; 2.x is the long-term line
VIS_TIMELINE=8.5.4
LEAFLET=1.9.4
CYTOSCAPE=3.35.0
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

root=$(cd "$(dirname "$0")/.." && pwd)
vendor="$root/annales/web/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --silent \
    "htmx.org@$HTMX" "vis-timeline@$VIS_TIMELINE" "leaflet@$LEAFLET" "cytoscape@$CYTOSCAPE" \
    "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT"

rm -rf "$vendor"
mkdir -p "$vendor"/{htmx,vis-timeline,leaflet/images,cytoscape,world-atlas}
m=node_modules
cp "$m/htmx.org/dist/htmx.min.js" "$m/htmx.org/LICENSE" "$vendor/htmx/"
cp "$m/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" \
   "$m/vis-timeline/styles/vis-timeline-graph2d.min.css" "$m/vis-timeline/LICENSE.MIT.txt" "$m/vis-timeline/LICENSE.Apache-2.0.txt" "$m/vis-timeline/LICENSE.md" "$vendor/vis-timeline/"
cp "$m/leaflet/dist/leaflet.js" "$m/leaflet/dist/leaflet.css" "$m/leaflet/LICENSE" "$vendor/leaflet/"
cp "$m/leaflet/dist/images/"*.png "$vendor/leaflet/images/"
cp "$m/cytoscape/dist/cytoscape.min.js" "$m/cytoscape/LICENSE" "$vendor/cytoscape/"
cp "$m/world-atlas/LICENSE" "$vendor/world-atlas/"
node -e '
const topojson = require("topojson-client");
const topology = require("world-atlas/land-110m.json");
process.stdout.write(JSON.stringify(topojson.feature(topology, topology.objects.land)));
' > "$vendor/world-atlas/land-110m.geojson"
cat > "$vendor/README.txt" <<TXT
Copied by scripts/vendor_web.sh from npm; do not edit by hand.
htmx.org $HTMX (0BSD), vis-timeline $VIS_TIMELINE (MIT or Apache-2.0, standalone build), leaflet $LEAFLET (BSD-2-Clause),
cytoscape $CYTOSCAPE (MIT), world-atlas $WORLD_ATLAS (ISC; the land outlines are Natural Earth 1:110m,
public domain), converted to GeoJSON with topojson-client $TOPOJSON_CLIENT.
TXT
echo "vendored into $vendor:"
find "$vendor" -type f | sort | sed "s|$root/||"
