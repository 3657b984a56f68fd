"""`xviz collect -o EXPORT_DIR`: run read-only AWS CLI commands and write the export `xviz import` reads."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="EXPORT_DIR", help="folder to write")
    parser.add_argument("--profile", help="AWS CLI profile (the management account or a delegated administrator)")
    parser.add_argument("--role-name", default="OrganizationAccountAccessRole",
                        help="role to assume in each member account (read-only is enough; default %(default)s)")
    parser.add_argument("--regions", default="us-east-1", help="comma-separated regions for regional resources "
                        "(KMS, SQS, SNS, Lambda, Secrets Manager, ECR); default %(default)s")


def run(args: argparse.Namespace) -> int:
    from xviz.review.collect import Aws, AwsError, Collector, progress_bar

    regions = [r.strip() for r in args.regions.split(",") if r.strip()]
    collector = Collector(args.output, Aws(profile=args.profile), args.role_name, regions, progress_bar())
    try:
        exported = collector.run()
    except AwsError as err:
        print(f"xviz collect: {err}", file=sys.stderr)
        return 2
    for line in collector.warnings:
        print(f"xviz collect: warning: {line}", file=sys.stderr)
    print(f"{args.output}: {exported} account(s) exported; next: xviz import {args.output} -o ORG.yaml")
    return 0
