#!/usr/bin/env python3
"""Draws the palette and card icons of StackCanvas: one 24x24 tile per deep kind and category.

Every icon is the same recipe (a rounded tile in its category's colour with a white line glyph,
1.6 px strokes, round joins) so the set reads as one family. Run it after adding a kind to
model/catalog/overlay.json; it rewrites the SVG files beside it and icons.qrc's file list.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OVERLAY = os.path.join(HERE, "..", "model", "catalog", "overlay.json")

CATEGORY_COLOURS = {
    "Compute": "#e8833a",
    "Containers": "#d9593d",
    "Serverless": "#e0a21b",
    "Deployment": "#3f8f5f",
    "Networking and delivery": "#7b5cd6",
    "Data": "#2f7fc1",
    "Management and governance": "#c2407a",
}

# Glyphs: SVG fragments drawn in white on the tile, inside the 5..19 box.
G = {
    "server": '<rect x="6.5" y="5.5" width="11" height="13" rx="1.5"/><path d="M9 9h6M9 12h6"/><circle cx="12" cy="15.5" r=".6" fill="#fff"/>',
    "chip": '<rect x="7.5" y="7.5" width="9" height="9" rx="1.5"/><path d="M10 5v2.5M14 5v2.5M10 16.5V19M14 16.5V19M5 10h2.5M5 14h2.5M16.5 10H19M16.5 14H19"/>',
    "fleet": '<rect x="5" y="8" width="4.2" height="8" rx="1"/><rect x="9.9" y="8" width="4.2" height="8" rx="1"/><rect x="14.8" y="8" width="4.2" height="8" rx="1"/><path d="M5 5.5h14M5 18.5h14" stroke-dasharray="1.6 1.6"/>',
    "hook": '<path d="M12 5v8.5a3 3 0 1 1-6 0"/><path d="M9.5 12.5 6 13.5l-.5-3.5"/><path d="M15 8h4M17 6v4"/>',
    "scale": '<path d="M5 18.5h14"/><path d="M6.5 16l4-4 3 2.5 4.5-6"/><path d="M15 8.5h3v3"/>',
    "lambda": '<path d="M7 18.5 11.2 10M8 5.5h2.5l6 13h1.5"/>',
    "tag": '<path d="M5.5 11.5V5.5h6l7 7-6 6z"/><circle cx="8.8" cy="8.8" r="1.2"/>',
    "alias": '<circle cx="7" cy="12" r="1.8"/><path d="M9 12h9M15 9l3 3-3 3"/>',
    "mapping": '<path d="M5 7h6M5 10h6M5 13h6"/><path d="M11 17h7M15.5 14.5 18 17l-2.5 2.5"/><path d="M8 13v4h3"/>',
    "shield": '<path d="M12 5 6.5 7v4.5c0 3.5 2.4 6 5.5 7.5 3.1-1.5 5.5-4 5.5-7.5V7z"/>',
    "shieldcheck": '<path d="M12 5 6.5 7v4.5c0 3.5 2.4 6 5.5 7.5 3.1-1.5 5.5-4 5.5-7.5V7z"/><path d="m9.5 12 1.8 1.8L14.8 10"/>',
    "key": '<circle cx="8.5" cy="12" r="3"/><path d="M11.5 12H19M16.5 12v3M19 12v2.5"/>',
    "queue": '<rect x="5" y="8.5" width="3.6" height="7" rx="1"/><rect x="10.2" y="8.5" width="3.6" height="7" rx="1"/><path d="M15.5 12H19M17.3 10.2 19 12l-1.7 1.8"/>',
    "topic": '<path d="M6 10v4h2.5l5 3.5v-11L8.5 10z"/><path d="M16 9.5a3.5 3.5 0 0 1 0 5M17.8 7.5a6.5 6.5 0 0 1 0 9"/>',
    "bucket": '<path d="M5.5 7.5h13l-1.6 10.2a1.5 1.5 0 0 1-1.5 1.3H8.6a1.5 1.5 0 0 1-1.5-1.3z"/><ellipse cx="12" cy="7.5" rx="6.5" ry="2"/>',
    "database": '<ellipse cx="12" cy="7" rx="5.5" ry="2"/><path d="M6.5 7v10c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V7M6.5 12c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2"/>',
    "table": '<rect x="5.5" y="6" width="13" height="12" rx="1.5"/><path d="M5.5 10h13M5.5 14h13M10.5 10v8"/>',
    "cluster": '<rect x="5.5" y="5.5" width="5.5" height="5.5" rx="1"/><rect x="13" y="5.5" width="5.5" height="5.5" rx="1"/><rect x="5.5" y="13" width="5.5" height="5.5" rx="1"/><rect x="13" y="13" width="5.5" height="5.5" rx="1"/>',
    "container": '<path d="M12 5 18.5 8.5v7L12 19l-6.5-3.5v-7z"/><path d="M5.5 8.5 12 12l6.5-3.5M12 12v7"/>',
    "service": '<circle cx="12" cy="7" r="2"/><circle cx="7" cy="16.5" r="2"/><circle cx="17" cy="16.5" r="2"/><path d="M11 8.8 8 14.8M13 8.8l3 6M9 16.5h6"/>',
    "cloud": '<path d="M8 17.5h8.5a3.5 3.5 0 0 0 .4-7 5 5 0 0 0-9.6-1A4 4 0 0 0 8 17.5z"/>',
    "subnet": '<rect x="5.5" y="5.5" width="13" height="13" rx="2" stroke-dasharray="2.2 1.8"/><rect x="9" y="9" width="6" height="6" rx="1"/>',
    "pin": '<path d="M12 19s5-5.2 5-9a5 5 0 0 0-10 0c0 3.8 5 9 5 9z"/><circle cx="12" cy="10" r="1.8"/>',
    "balancer": '<circle cx="6.5" cy="12" r="1.8"/><path d="M8.3 12h3.2M11.5 12l5-5M11.5 12h5M11.5 12l5 5"/><circle cx="17.5" cy="7" r="1"/><circle cx="17.5" cy="12" r="1"/><circle cx="17.5" cy="17" r="1"/>',
    "listener": '<circle cx="8" cy="12" r="1.8"/><path d="M11.5 8.5a5 5 0 0 1 0 7M14.5 6a8.5 8.5 0 0 1 0 12"/>',
    "target": '<circle cx="12" cy="12" r="6.5"/><circle cx="12" cy="12" r="3.5"/><circle cx="12" cy="12" r=".8" fill="#fff"/>',
    "branch": '<path d="M5 12h5l4-5h5M10 12l4 5h5"/><path d="M17 5l2 2-2 2M17 15l2 2-2 2"/>',
    "braces": '<path d="M9.5 5.5c-2 0-2 1.2-2 3s-.5 3.5-2 3.5c1.5 0 2 1.7 2 3.5s0 3 2 3M14.5 5.5c2 0 2 1.2 2 3s.5 3.5 2 3.5c-1.5 0-2 1.7-2 3.5s0 3-2 3"/>',
    "layers": '<path d="M12 5.5 19 9l-7 3.5L5 9z"/><path d="m5 12.5 7 3.5 7-3.5M5 16l7 3.5 7-3.5"/>',
    "rocket": '<path d="M12 4.8c2.6 1.8 3.8 4.8 3.3 8.7l-1.8 2.2h-3l-1.8-2.2c-.5-3.9.7-6.9 3.3-8.7z"/><circle cx="12" cy="10" r="1.3"/><path d="M10.5 18.5 12 17l1.5 1.5"/>',
    "pipeline": '<circle cx="6" cy="12" r="1.8"/><circle cx="12" cy="12" r="1.8"/><circle cx="18" cy="12" r="1.8"/><path d="M7.8 12h2.4M13.8 12h2.4"/><path d="M6 9.5V7h12v2.5"/>',
    "wrench": '<path d="M14.5 5.8a3.8 3.8 0 0 0-4.4 5.1L5.6 15.4a1.6 1.6 0 0 0 2.3 2.3l4.5-4.5a3.8 3.8 0 0 0 5.1-4.4l-2.2 2.2-2-.3-.3-2z"/>',
    "git": '<circle cx="8" cy="6.5" r="1.6"/><circle cx="8" cy="17.5" r="1.6"/><circle cx="16" cy="9" r="1.6"/><path d="M8 8.1v7.8M16 10.6c0 3-4 3-7.2 5.6"/>',
    "gear": '<circle cx="12" cy="12" r="2.5"/><path d="M12 5v2M12 17v2M5 12h2M17 12h2M7 7l1.4 1.4M15.6 15.6 17 17M7 17l1.4-1.4M15.6 8.4 17 7"/>',
    "puzzle": '<path d="M6 8.5h3a2 2 0 1 1 4 0h3v3a2 2 0 1 1 0 4v3H6v-3a2 2 0 1 0 0-4z"/>',
    "hourglass": '<path d="M7.5 5.5h9M7.5 18.5h9M8.5 5.5c0 4 7 4 7 6.5s-7 2.5-7 6.5M15.5 5.5c0 4-7 4-7 6.5s7 2.5 7 6.5"/>',
    "bell": '<path d="M7.5 15.5V11a4.5 4.5 0 0 1 9 0v4.5l1.5 1.5H6z"/><path d="M10.5 19h3"/>',
    "bolt": '<path d="M13 4.8 7 13h4.5L10.5 19.2 17 11h-4.5z"/>',
    "log": '<path d="M7 5.5h7l3 3v10H7z"/><path d="M9.5 11h5M9.5 13.5h5M9.5 16h3"/>',
    "document": '<path d="M7 5.5h7l3 3v10H7z"/><path d="M14 5.5v3h3M9.5 12.5h5M9.5 15h5"/>',
    "sliders": '<path d="M6 8h12M6 12h12M6 16h12"/><circle cx="9" cy="8" r="1.5" fill="#fff"/><circle cx="15" cy="12" r="1.5" fill="#fff"/><circle cx="11" cy="16" r="1.5" fill="#fff"/>',
    "calendar": '<rect x="5.5" y="6.5" width="13" height="12" rx="1.5"/><path d="M5.5 10h13M9 5v3M15 5v3M9 13.5h2M13 13.5h2M9 16h2"/>',
    "briefcase": '<rect x="5" y="8.5" width="14" height="9.5" rx="1.5"/><path d="M9.5 8.5V6.8c0-.7.5-1.3 1.2-1.3h2.6c.7 0 1.2.6 1.2 1.3v1.7M5 12.5h14"/>',
    "lock": '<rect x="6.5" y="10.5" width="11" height="8" rx="1.5"/><path d="M9 10.5V8.5a3 3 0 0 1 6 0v2"/><circle cx="12" cy="14.5" r=".9" fill="#fff"/>',
    "link": '<path d="M10.5 13.5 13.5 10.5"/><path d="M9 11.5 7.5 13a2.5 2.5 0 0 0 3.5 3.5l1.5-1.5M15 12.5l1.5-1.5A2.5 2.5 0 0 0 13 7.5L11.5 9"/>',
    "user": '<circle cx="12" cy="9" r="3"/><path d="M6.5 18.5c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5"/>',
    "badge": '<rect x="5.5" y="6.5" width="13" height="11" rx="1.5"/><circle cx="9.5" cy="11" r="1.6"/><path d="M7.5 15c.4-1.2 1.1-1.7 2-1.7s1.6.5 2 1.7M13.5 10h3M13.5 13h3"/>',
    "globe": '<circle cx="12" cy="12" r="6.5"/><path d="M5.5 12h13M12 5.5c2 2 2.8 4.2 2.8 6.5S14 16.5 12 18.5c-2-2-2.8-4.2-2.8-6.5S10 7.5 12 5.5z"/>',
    "records": '<path d="M5.5 7h4M5.5 12h4M5.5 17h4"/><circle cx="15" cy="12" r="4"/><path d="M11 12h8M15 8c1.1 1.1 1.5 2.5 1.5 4s-.4 2.9-1.5 4"/>',
    "dot": '<circle cx="12" cy="12" r="2.2" fill="#fff"/><circle cx="12" cy="12" r="6"/>',
    "namespace": '<path d="M8 5.5c-1.7 0-1.7 1-1.7 2.5s-.5 3-1.8 4c1.3 1 1.8 2.5 1.8 4s0 2.5 1.7 2.5M16 5.5c1.7 0 1.7 1 1.7 2.5s.5 3 1.8 4c-1.3 1-1.8 2.5-1.8 4s0 2.5-1.7 2.5"/><circle cx="12" cy="12" r="1.5" fill="#fff"/>',
    "sprout": '<path d="M12 19v-7"/><path d="M12 12c0-3 2-5 6-5 0 3-2 5-6 5zM12 13.5c0-2.5-1.7-4-5-4 0 2.5 1.7 4 5 4z"/>',
    "sproutbox": '<rect x="5" y="5" width="14" height="14" rx="2"/><path d="M12 17v-5"/><path d="M12 12c0-2.2 1.4-3.6 4-3.6 0 2.2-1.4 3.6-4 3.6zM12 13c0-1.8-1.2-2.9-3.5-2.9 0 1.8 1.2 2.9 3.5 2.9z"/>',
    "flow": '<rect x="9" y="4.8" width="6" height="4" rx="1"/><rect x="4.8" y="15.2" width="6" height="4" rx="1"/><rect x="13.2" y="15.2" width="6" height="4" rx="1"/><path d="M12 8.8v3M7.8 15.2v-3.4h8.4v3.4"/>',
    "template": '<path d="M7 5.5h10v13H7z"/><rect x="9" y="8" width="6" height="3.5" rx=".8"/><path d="M9 14h6M9 16.5h4"/>',
    "stage": '<path d="M5.5 18.5h13M7.5 18.5V14h9v4.5M9.5 14v-3.5h5V14"/><path d="M12 10.5V5.5"/>',
    "signal": '<path d="M6 18.5v-3M10 18.5v-6M14 18.5v-9M18 18.5V6"/>',
    "firewall": '<rect x="5.5" y="6" width="13" height="12" rx="1.5"/><path d="M5.5 10h13M5.5 14h13M10 6v4M14 10v4M10 14v4"/>',
}

ICON_GLYPHS = {
    "apigateway-deployment": "rocket", "apigateway-rest-api": "braces", "apigateway-stage": "stage",
    "autoscaling-group": "fleet", "autoscaling-lifecycle-hook": "hook", "autoscaling-scaling-policy": "scale",
    "beanstalk-application": "sprout", "beanstalk-application-version": "tag",
    "beanstalk-configuration-template": "sliders", "beanstalk-environment": "sproutbox",
    "cloudformation-custom-resource": "puzzle", "cloudformation-stack": "layers",
    "cloudformation-stackset": "globe", "cloudformation-wait-condition": "hourglass",
    "cloudformation-wait-condition-handle": "link",
    "cloudmap-instance": "dot", "cloudmap-namespace": "namespace", "cloudmap-service": "service",
    "cloudwatch-alarm": "bell", "codebuild-project": "wrench", "codecommit-repository": "git",
    "codedeploy-application": "rocket", "codedeploy-deployment-config": "sliders",
    "codedeploy-deployment-group": "fleet", "codepipeline-pipeline": "pipeline",
    "dynamodb-table": "table", "ec2-eip": "pin", "ec2-instance": "server", "ec2-launch-template": "template",
    "ec2-security-group": "firewall", "ec2-subnet": "subnet", "ec2-vpc": "cloud",
    "ecs-cluster": "cluster", "ecs-service": "service", "ecs-task-definition": "container",
    "ecs-task-set": "layers", "elasticache-cache-cluster": "bolt", "elasticache-replication-group": "cluster",
    "elb-listener": "listener", "elb-listener-rule": "branch", "elb-load-balancer": "balancer",
    "elb-target-group": "target", "events-rule": "bolt", "iam-instance-profile": "badge",
    "iam-policy": "document", "iam-role": "user", "lambda-alias": "alias",
    "lambda-event-source-mapping": "mapping", "lambda-function": "lambda", "lambda-permission": "shieldcheck",
    "lambda-version": "tag", "logs-log-group": "log", "rds-db-cluster": "cluster", "rds-db-instance": "database",
    "rds-db-subnet-group": "subnet", "redshift-cluster": "signal", "route53-hosted-zone": "globe",
    "route53-record-set": "records", "s3-bucket": "bucket", "s3-bucket-policy": "shield",
    "sam-api": "braces", "sam-function": "lambda", "sam-simple-table": "table", "sam-state-machine": "flow",
    "secretsmanager-attachment": "link", "secretsmanager-secret": "key",
    "servicecatalog-association": "link", "servicecatalog-constraint": "lock",
    "servicecatalog-portfolio": "briefcase", "servicecatalog-product": "container",
    "servicecatalog-tag-option": "tag", "sns-topic": "topic", "sqs-queue": "queue",
    "sqs-queue-policy": "shield", "ssm-association": "link", "ssm-document": "document",
    "ssm-maintenance-window": "calendar", "ssm-maintenance-window-target": "target",
    "ssm-maintenance-window-task": "wrench", "ssm-parameter": "sliders", "ssm-patch-baseline": "shieldcheck",
}

CATEGORY_GLYPHS = {
    "Compute": "chip", "Containers": "container", "Serverless": "lambda", "Deployment": "rocket",
    "Networking and delivery": "globe", "Data": "database", "Management and governance": "gear",
}


def tile(colour, glyph):
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">\n'
        f'  <rect width="24" height="24" rx="5.5" fill="{colour}"/>\n'
        '  <g fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">'
        f"{G[glyph]}</g>\n</svg>\n"
    )


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


APP_ICON = """<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2f7fc1"/>
      <stop offset="1" stop-color="#2166d9"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="56" fill="url(#bg)"/>
  <g fill="none" stroke="#fff" stroke-width="10" stroke-linecap="round">
    <path d="M104 92c40 0 40 72 64 72" opacity=".85"/>
    <path d="M104 92c40 0 40-20 56-20" opacity=".85"/>
  </g>
  <rect x="40" y="68" width="72" height="48" rx="12" fill="#fff"/>
  <rect x="150" y="52" width="68" height="40" rx="10" fill="#fff" opacity=".92"/>
  <rect x="150" y="144" width="68" height="40" rx="10" fill="#fff" opacity=".92"/>
  <rect x="52" y="84" width="16" height="16" rx="4" fill="#e8833a"/>
  <rect x="162" y="64" width="14" height="14" rx="3.5" fill="#e0a21b"/>
  <rect x="162" y="157" width="14" height="14" rx="3.5" fill="#3f8f5f"/>
  <path d="M40 196h176" stroke="#fff" stroke-width="10" stroke-linecap="round" opacity=".5"/>
</svg>
"""


def main():
    with open(OVERLAY, encoding="utf-8") as f:
        overlay = json.load(f)
    written = []
    for kind in overlay["kinds"].values():
        icon = kind["icon"]
        if icon in written:
            continue
        glyph = ICON_GLYPHS[icon]  # a new kind needs a glyph here: fail loudly
        with open(os.path.join(HERE, icon + ".svg"), "w", encoding="utf-8") as out:
            out.write(tile(CATEGORY_COLOURS[kind["category"]], glyph))
        written.append(icon)
    for category in overlay["categories"]:
        name = "category-" + slug(category)
        with open(os.path.join(HERE, name + ".svg"), "w", encoding="utf-8") as out:
            out.write(tile(CATEGORY_COLOURS[category], CATEGORY_GLYPHS[category]))
        written.append(name)
    # The canvas's dot grid, one tile per theme (two grid steps of 16 px).
    for theme, dot in (("light", "#c9ced6"), ("dark", "#363c47")):
        with open(os.path.join(HERE, f"grid-{theme}.svg"), "w", encoding="utf-8") as out:
            out.write('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">'
                      f'<circle cx="1" cy="1" r="1.1" fill="{dot}"/></svg>\n')
    with open(os.path.join(HERE, "stackcanvas.svg"), "w", encoding="utf-8") as out:
        out.write(APP_ICON)
    print(f"{len(written) + 1} icons")


if __name__ == "__main__":
    main()
