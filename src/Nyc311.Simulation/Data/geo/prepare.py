#!/usr/bin/env python3
"""Rebuilds the derived geography files of this folder from ../shared/data (standard library only).

usage: python3 prepare.py SHARED_DATA_DIR   (for example ../../../../../shared/data)

- boroughs.geojson:            geo/nyc_boroughs.geojson simplified to 20 m, 5 decimals.
- zip_areas.geojson:           geo/nyc_zcta_pediacities.geojson without single-building ZIPs and the
                               00083 pseudo-ZIP, properties cut to zip/borough/po_name, simplified to 30 m.
- community_districts.geojson: geo/nyc_community_districts.geojson, properties cut to boro_cd,
                               simplified to 30 m.
- streets_by_zip.csv:          every (ZIP, street) pair of the real 2022-05-01 rows
                               (nyc311/nyc311_rows_2022-05-01_0000-0206__fedhere_PyBOOT.csv) whose ZIP lies
                               in the row's borough per nyc_zip_borough.csv; street, cross and
                               intersection street columns; "DEAD END" left out.
Simplification is geo/simplify_geojson.py (Douglas-Peucker, metres), run unchanged.
"""
import csv, json, os, subprocess, sys, tempfile

shared = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
simplify = os.path.join(shared, "geo", "simplify_geojson.py")


def write_simplified(features, out, tolerance):
    with tempfile.NamedTemporaryFile("w", suffix=".geojson", delete=False) as tmp:
        json.dump({"type": "FeatureCollection", "features": features}, tmp)
    subprocess.run([sys.executable, simplify, tmp.name, os.path.join(here, out), str(tolerance), "5"], check=True)
    os.unlink(tmp.name)


boroughs = json.load(open(os.path.join(shared, "geo", "nyc_boroughs.geojson")))["features"]
write_simplified(boroughs, "boroughs.geojson", 20)

zips = []
for f in json.load(open(os.path.join(shared, "geo", "nyc_zcta_pediacities.geojson")))["features"]:
    p = f["properties"]
    if p["BLDGpostalCode"] == 1 or p["postalCode"] == "00083":
        continue
    zips.append({"type": "Feature", "properties": {"zip": p["postalCode"], "borough": p["borough"], "po_name": p["PO_NAME"]}, "geometry": f["geometry"]})
write_simplified(zips, "zip_areas.geojson", 30)

districts = json.load(open(os.path.join(shared, "geo", "nyc_community_districts.geojson")))["features"]
for f in districts:
    f["properties"] = {"boro_cd": f["properties"]["BoroCD"]}
write_simplified(districts, "community_districts.geojson", 30)

zip_borough = {r["zip"]: r["borough"].upper() for r in csv.DictReader(open(os.path.join(here, "nyc_zip_borough.csv")))}
rows = csv.DictReader(open(os.path.join(shared, "nyc311", "nyc311_rows_2022-05-01_0000-0206__fedhere_PyBOOT.csv"), newline=""))
pairs = set()
for r in rows:
    z = r["Incident Zip"]
    if zip_borough.get(z) != r["Borough"]:
        continue
    for column in ("Street Name", "Cross Street 1", "Cross Street 2", "Intersection Street 1", "Intersection Street 2"):
        if r[column] and r[column] != "DEAD END":
            pairs.add((z, r[column]))
with open(os.path.join(here, "streets_by_zip.csv"), "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["zip", "street"])
    for pair in sorted(pairs):
        w.writerow(pair)
