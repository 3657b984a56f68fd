"""`xviz import EXPORT_DIR -o ORG.yaml [--anonymise]`: an AWS CLI export becomes a scenario file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xviz.scenario import ScenarioError

LAYOUT = """\
the export folder (one AWS CLI JSON output per file):
  organization/describe-organization.json, list-roots.json,
  organization/list-organizational-units-for-parent/<parent-id>.json,
  organization/list-accounts-for-parent/<parent-id>.json,
  organization/list-policies-SERVICE_CONTROL_POLICY.json (…-RESOURCE_CONTROL_POLICY.json),
  organization/describe-policy/<policy-id>.json, list-targets-for-policy/<policy-id>.json,
  accounts/<account-id>/authorization-details.json (aws iam get-account-authorization-details),
  accounts/<account-id>/list-saml-providers.json, list-open-id-connect-providers.json (optional),
  accounts/<account-id>/<region>/{s3,kms,sqs,sns,lambda,secretsmanager,ecr}/<name>.json
`xviz collect` writes it."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = LAYOUT
    parser.add_argument("export", metavar="EXPORT_DIR", help="the folder `xviz collect` wrote")
    parser.add_argument("-o", "--output", required=True, metavar="ORG.yaml", help="the scenario file to write")
    parser.add_argument("--anonymise", "--anonymize", action="store_true",
                        help="replace account ids, names, emails and organization ids by placeholders")


def run(args: argparse.Namespace) -> int:
    from xviz.review.anonymise import anonymise
    from xviz.review.importer import import_export
    from xviz.review.writer import dump_scenario
    from xviz.scenario.loader import save_text

    try:
        imported = import_export(args.export)
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    data, warnings = imported.data, imported.warnings
    if args.anonymise:
        data = anonymise(data, imported.emails)
    header = "Written by `xviz import`" + (" --anonymise" if args.anonymise else "") + \
        ". Open it with `xviz open`, ask `xviz who-can` and `xviz reach`."
    save_text(Path(args.output), dump_scenario(data, header))
    for line in warnings:
        print(f"{args.export}: warning: {line}", file=sys.stderr)
    w = data["world"]
    print(f"{args.output}: {len(w['accounts'])} accounts, {len(w.get('users', {}))} users, "
          f"{len(w.get('roles', {}))} roles, {len(w.get('resources', {}))} resources")
    return 0
