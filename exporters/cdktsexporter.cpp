#include "exporters/cdktsexporter.h"

#include "exporters/cdk/cdkstackwriter.h"

#include <QFileInfo>

namespace sc {

namespace {

// The versions tests/aws/package.json pins: the project builds with what the tests proved.
const char *const kPackageJson = R"({
  "name": "%NAME%",
  "version": "0.1.0",
  "private": true,
  "bin": { "app": "bin/app.ts" },
  "scripts": {
    "build": "tsc --noEmit",
    "synth": "cdk synth",
    "diff": "cdk diff"
  },
  "dependencies": {
    "aws-cdk-lib": "2.276.0",
    "constructs": "10.8.1"
  },
  "devDependencies": {
    "@types/node": "20.19.9",
    "aws-cdk": "2.1148.1",
    "tsx": "4.23.15",
    "typescript": "7.0.2"
  }
}
)";

const char *const kTsconfig = R"({
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2022"],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true,
    "types": ["node"]
  },
  "include": ["bin/**/*.ts", "lib/**/*.ts"]
}
)";

std::string replaceAll(std::string text, const std::string &from, const std::string &to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string packageName(const std::string &stackName)
{
    std::string out;
    for (const char c : stackName) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            out += c;
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    return out.empty() ? std::string("stack") : out;
}

} // namespace

std::string CdkTsExporter::pinnedContextJson(int indent)
{
    const std::string p(static_cast<std::size_t>(indent), ' ');
    return "{\n" + p + "  \"@aws-cdk/core:enablePartitionLiterals\": true,\n" + p
           + "  \"@aws-cdk/core:checkSecretUsage\": true,\n" + p
           + "  \"@aws-cdk/core:validateSnapshotRemovalPolicy\": true,\n" + p
           + "  \"@aws-cdk/core:target-partitions\": [\"aws\", \"aws-cn\"]\n" + p + "}";
}

std::string CdkTsExporter::appSource(const std::string &className, const std::string &fileStem,
                                     const std::string &stackName)
{
    return "#!/usr/bin/env node\n"
           "import * as cdk from 'aws-cdk-lib';\n"
           "import { " + className + " } from '../lib/" + fileStem + ".js';\n\n"
           "// Feature flags are pinned so that synthesis gives the same template on every machine.\n"
           "const app = new cdk.App({\n"
           "  analyticsReporting: false,\n"
           "  context: " + pinnedContextJson(2) + ",\n"
           "});\n\n"
           "// Environment-agnostic: no account or Region, and no bootstrap-version rule, so the\n"
           "// template is exactly the designed one.\n"
           "new " + className + "(app, '" + stackName + "', {\n"
           "  synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),\n"
           "});\n"
           "app.synth();\n";
}

ExportResult CdkTsExporter::write(const Document &document, const ExportOptions &options) const
{
    std::string stackName = options.stackName;
    if (stackName.empty() && !document.filePath().empty())
        stackName = QFileInfo(QString::fromStdString(document.filePath())).completeBaseName().toStdString();
    if (stackName.empty())
        stackName = "Template";
    const CdkStackSource stack = writeCdkStack(document.root(), stackName);
    const std::string stem = cdkFileStem(stackName);
    // CloudFormation stack names: letters, digits and hyphens, starting with a letter.
    std::string cfnName;
    for (const char c : stackName)
        cfnName += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '-';
    if (cfnName.empty() || !((cfnName[0] >= 'a' && cfnName[0] <= 'z') || (cfnName[0] >= 'A' && cfnName[0] <= 'Z')))
        cfnName = "Stack-" + cfnName;

    ExportResult result;
    result.bytes = QByteArray::fromStdString(stack.code);
    for (const std::string &note : stack.notes)
        result.notes.push_back("cdk-ts: " + note);
    result.files["lib/" + stem + ".ts"] = result.bytes;
    result.files["bin/app.ts"] = QByteArray::fromStdString(appSource(stack.className, stem, cfnName));
    result.files["package.json"] = QByteArray::fromStdString(replaceAll(kPackageJson, "%NAME%", packageName(stackName)));
    result.files["tsconfig.json"] = kTsconfig;
    result.files["cdk.json"] = QByteArray::fromStdString(
        "{\n  \"app\": \"npx tsx bin/app.ts\",\n  \"versionReporting\": false,\n  \"pathMetadata\": false,\n"
        "  \"assetMetadata\": false,\n  \"context\": " + pinnedContextJson(2) + "\n}\n");
    result.files["README.md"] = QByteArray::fromStdString(
        "# " + stack.className + "\n\n"
        "A CDK v2 app exported by StackCanvas from `" + stackName + "`. Every resource is an L1\n"
        "construct (`Cfn*`) whose construct id is its logical ID, so `cdk synth` gives back the\n"
        "designed template with the same logical IDs.\n\n"
        "```sh\nnpm install\nnpx tsc --noEmit      # type-check\nnpx cdk synth         # the template, in cdk.out/\n"
        "npx cdk deploy        # needs credentials\n```\n\n"
        "The stack is environment-agnostic (no account or Region) and has no bootstrap-version rule.\n");
    return result;
}

} // namespace sc
