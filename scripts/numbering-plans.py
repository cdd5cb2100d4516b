#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the NumberingPlan rows of Sources/RampartDiscovery/Validation/NumberingPlans.swift.

Usage: python3 scripts/numbering-plans.py PhoneNumberMetadata.xml

The input is resources/PhoneNumberMetadata.xml of google/libphonenumber (Apache-2.0). Per
territory it keeps the country calling code, the national prefix, the possible lengths of
fixed-line and mobile numbers, and the two-digit leading ranges the fixed-line and mobile patterns
accept
(found by testing random completions of each prefix; a digit alone where all ten follow it).
"""
import random
import re
import sys
import xml.etree.ElementTree as ET

REGIONS = (
    "US CA GB IE DE AT CH FR BE NL LU ES PT IT GR DK SE NO FI PL CZ SK HU RO TR RU UA IL SA AE EG ZA NG KE "
    "IN PK BD CN HK TW JP KR SG MY TH ID PH VN AU NZ BR MX AR CL CO PE"
).split()


def lengths(element):
    if element is None or element.find("possibleLengths") is None:
        return set()
    out = set()
    for part in element.find("possibleLengths").get("national").split(","):
        m = re.match(r"\[(\d+)-(\d+)\]", part)
        out |= set(range(int(m.group(1)), int(m.group(2)) + 1)) if m else {int(part)}
    return out


def leading_prefixes(region, element, rng):
    """Two-digit prefixes the element's pattern accepts, compacted to one digit where all ten do."""
    pattern = element.find("nationalNumberPattern") if element is not None else None
    if pattern is None:
        return []
    rx = re.compile(re.sub(r"\s+", "", pattern.text))
    found = []
    for prefix in range(0, 100):
        if any(
            rx.fullmatch(f"{prefix:02d}" + "".join(rng.choice("0123456789") for _ in range(n - 2)))
            for n in sorted(lengths(element))
            for _ in range(400)
        ):
            found.append(prefix)
    compact = []
    for d in range(0, 10):
        decade = [p for p in found if p // 10 == d]
        compact += [str(d)] if len(decade) == 10 else [f"{p:02d}" for p in decade]
    return compact


def main():
    rng = random.Random(1)
    for territory in ET.parse(sys.argv[1]).getroot().find("territories"):
        region = territory.get("id")
        if region not in REGIONS:
            continue
        fixed, mobile = territory.find("fixedLine"), territory.find("mobile")
        print(
            f'        NumberingPlan("{region}", {territory.get("countryCode")}, trunk: "{territory.get("nationalPrefix") or ""}", '
            f'lengths: {sorted(lengths(fixed) | lengths(mobile))}, fixed: "{" ".join(leading_prefixes(region, fixed, rng))}", '
            f'mobile: "{" ".join(leading_prefixes(region, mobile, rng))}"),'
        )


if __name__ == "__main__":
    main()
