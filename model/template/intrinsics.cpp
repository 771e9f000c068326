#include "model/template/intrinsics.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sc::intrinsics {

namespace {

// Short tag (without "!") and long form, as CloudFormation documents them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 27> kIntrinsics{{
    {"Ref", "Ref"},
    {"Condition", "Condition"},
    {"GetAtt", "Fn::GetAtt"},
    {"Sub", "Fn::Sub"},
    {"Join", "Fn::Join"},
    {"Select", "Fn::Select"},
    {"Split", "Fn::Split"},
    {"If", "Fn::If"},
    {"Equals", "Fn::Equals"},
    {"And", "Fn::And"},
    {"Or", "Fn::Or"},
    {"Not", "Fn::Not"},
    {"FindInMap", "Fn::FindInMap"},
    {"GetAZs", "Fn::GetAZs"},
    {"ImportValue", "Fn::ImportValue"},
    {"Base64", "Fn::Base64"},
    {"Cidr", "Fn::Cidr"},
    {"Transform", "Fn::Transform"},
    {"Length", "Fn::Length"},
    {"ToJsonString", "Fn::ToJsonString"},
    {"ForEach", "Fn::ForEach"},
    {"Contains", "Fn::Contains"},
    {"EachMemberEquals", "Fn::EachMemberEquals"},
    {"EachMemberIn", "Fn::EachMemberIn"},
    {"RefAll", "Fn::RefAll"},
    {"ValueOf", "Fn::ValueOf"},
    {"ValueOfAll", "Fn::ValueOfAll"},
}};

constexpr std::array<std::string_view, 8> kPseudoParameters{
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
    "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};

} // namespace

std::string_view longNameForTag(std::string_view tag)
{
    if (tag.empty() || tag.front() != '!')
        return {};
    tag.remove_prefix(1);
    for (const auto &[shortName, longName] : kIntrinsics) {
        if (shortName == tag)
            return longName;
    }
    return {};
}

std::string_view tagForLongName(std::string_view key)
{
    for (const auto &[shortName, longName] : kIntrinsics) {
        if (longName == key)
            return shortName;
    }
    return {};
}

const std::vector<std::string_view> &longNames()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> v;
        for (const auto &entry : kIntrinsics)
            v.push_back(entry.second);
        return v;
    }();
    return names;
}

std::string_view intrinsicName(const Json &node)
{
    if (!node.is_object() || node.size() != 1)
        return {};
    const std::string &key = node.begin().key();
    return tagForLongName(key).empty() ? std::string_view{} : std::string_view(key);
}

bool isIntrinsic(const Json &node)
{
    return !intrinsicName(node).empty();
}

bool isTagName(std::string_view key)
{
    // "!Name" or "!!name": YAML's tag characters after the handle (URI characters without '!'
    // and the flow indicators). "!Sub args" is a key that starts with '!', not a tag.
    std::size_t start = key.rfind("!!", 0) == 0 ? 2 : key.rfind('!', 0) == 0 ? 1 : 0;
    if (start == 0 || start == key.size())
        return false;
    // A tag the readers resolve would read back as something else: CloudFormation's short forms
    // ("!Ref" is Ref) and the YAML core types the YAML reader applies ("!!str x" is "x").
    if (start == 1 && !longNameForTag(key).empty())
        return false;
    static constexpr std::string_view kResolvedCoreTypes[] = {"str", "int", "float", "bool", "null", "map", "seq"};
    if (start == 2 && std::find(std::begin(kResolvedCoreTypes), std::end(kResolvedCoreTypes), key.substr(2)) != std::end(kResolvedCoreTypes))
        return false;
    // '%' is left out: YAML reads it only as a %XX escape, which a reader may decode.
    static constexpr std::string_view kOther = "-#;/?:@&=+$_.~*'()";
    return std::all_of(key.begin() + static_cast<std::ptrdiff_t>(start), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || kOther.find(c) != std::string_view::npos;
    });
}

bool isPreservedTag(const Json &node)
{
    return node.is_object() && node.size() == 1 && isTagName(node.begin().key());
}

std::vector<SubPart> parseSub(std::string_view text)
{
    std::vector<SubPart> parts;
    std::string literal;
    std::size_t literalStart = 0;
    std::size_t i = 0;
    auto flush = [&] {
        if (!literal.empty())
            parts.push_back({SubPart::Kind::Literal, std::move(literal), literalStart});
        literal.clear();
    };
    while (i < text.size()) {
        if (text.compare(i, 2, "${") == 0) {
            const std::size_t close = text.find('}', i + 2);
            if (close == std::string_view::npos) {
                // An unclosed "${" is plain text to CloudFormation.
                if (literal.empty())
                    literalStart = i;
                literal.append(text.substr(i));
                break;
            }
            if (i + 2 < text.size() && text[i + 2] == '!') {
                if (literal.empty())
                    literalStart = i;
                literal += "${";
                literal.append(text.substr(i + 3, close - i - 3));
                literal += '}';
            } else {
                flush();
                std::string_view name = text.substr(i + 2, close - i - 2);
                constexpr std::string_view blanks = " \t\r\n";
                const std::size_t first = std::min(name.find_first_not_of(blanks), name.size());
                const std::size_t last = name.find_last_not_of(blanks) + 1; // 0 when all blank
                SubPart part{SubPart::Kind::Variable, {}, i};
                part.before = std::string(name.substr(0, first));
                if (last > first) {
                    part.text = std::string(name.substr(first, last - first));
                    part.after = std::string(name.substr(last));
                }
                parts.push_back(std::move(part));
            }
            i = close + 1;
            continue;
        }
        if (literal.empty())
            literalStart = i;
        literal += text[i++];
    }
    flush();
    return parts;
}

std::string formatSub(const std::vector<SubPart> &parts)
{
    std::string out;
    for (const SubPart &part : parts) {
        if (part.kind == SubPart::Kind::Variable) {
            out += "${" + part.before + part.text + part.after + "}";
            continue;
        }
        for (std::size_t i = 0; i < part.text.size(); ++i) {
            out += part.text[i];
            if (part.text.compare(i, 2, "${") == 0) {
                out += "{!";
                ++i;
            }
        }
    }
    return out;
}

bool isPseudoParameter(std::string_view name)
{
    return std::find(kPseudoParameters.begin(), kPseudoParameters.end(), name)
           != kPseudoParameters.end();
}

} // namespace sc::intrinsics
