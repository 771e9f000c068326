#pragma once
// What the catalog knows about one CloudFormation resource type: its properties (with their
// nested property types), its GetAtt attributes, what Ref returns, and the CDK L1 names the
// cdk-ts exporter writes. Plain read-only values; the catalog owns them for the process lifetime,
// so pointers handed out stay valid.

#include <string>
#include <string_view>
#include <vector>

namespace sc {

struct PropertySpec {
    std::string name;                 // CloudFormation name, e.g. "VpcId"
    enum class Kind { Scalar, List, Map, Json } kind = Kind::Scalar;
    std::string type;                 // primitive ("String","Integer","Long","Number","Double","Boolean","Timestamp","Json") or nested property-type name (e.g. "Code")
    bool itemIsPrimitive = true;      // for List/Map: whether `type` is primitive
    bool required = false;
    bool causesReplacement = false;   // "Update requires: Replacement"
    std::vector<std::string> enumValues; // when known, else empty
    std::string documentation;        // one line
    std::string cdkName;              // camelCase name used by the CDK L1 (e.g. "vpcId")

    // Replacement depends on the change ("Update requires: Some interruptions or replacement").
    bool replacementConditional = false;
    // The CDK's L1 takes the value untyped (`any`) although the specification gives it a
    // structure (a type the specification structured later keeps its first form in the CDK):
    // the cdk-ts exporter writes it with its keys as CloudFormation spells them.
    bool cdkUntyped = false;
    // The CDK's L1 renders this list through its tag manager, which sorts the tags by key.
    bool cdkTagList = false;
    // A collection of collections of structures (CodeBuild's FilterGroups): the catalog records it
    // as Json, the CDK types its members; the cdk-ts exporter writes it as an override.
    bool cdkTypedDeeper = false;
    // Other accepted shapes when CloudFormation takes a union (SAM's CodeUri: "String" or
    // "S3Location"); `type`/`kind` describe the first structured alternative. Empty otherwise.
    std::vector<std::string> alternativeTypes;
    // What the value points at, as "AWS::EC2::VPC.VpcId" (type, then its property or attribute),
    // when the specification records it. Drives connections between generic kinds.
    std::vector<std::string> references;

    bool isPrimitive() const { return itemIsPrimitive; }
};

// Whether a primitive type takes a number: Integer, Long, Double or Number. What the inspector
// edits as a number and the CDK exporter writes as one.
bool isNumberType(std::string_view type);

struct PropertyTypeSpec {
    std::string name;                 // "Code"
    std::string cdkName;              // "CodeProperty" (nested in the L1 class), "CfnTag" for tags
    std::vector<PropertySpec> properties;
    const PropertySpec *property(std::string_view name) const;
};

struct AttributeSpec {
    std::string name;                 // "Endpoint.Address"
    std::string type;                 // "String", "List<String>", or a property-type name
    std::string documentation;
    std::string cdkName;              // e.g. attrArn, attrEndpointAddress
};

struct ResourceTypeSpec {
    std::string type;                 // "AWS::Lambda::Function"
    std::string documentation;
    std::string refReturns;           // what { "Ref": X } returns, human words, e.g. "the function name"
    std::string cdkModule;            // "aws_lambda"; empty when the CDK has no L1 for the type
    std::string cdkClass;             // "CfnFunction"
    std::vector<PropertySpec> properties;
    std::vector<AttributeSpec> attributes;
    std::vector<PropertyTypeSpec> propertyTypes;
    // The identifier names behind refReturns ("FunctionName"); several when Ref joins them.
    std::vector<std::string> refIdentifiers;

    const PropertySpec *property(std::string_view name) const;
    const AttributeSpec *attribute(std::string_view name) const;
    const PropertyTypeSpec *propertyType(std::string_view name) const;
    std::vector<std::string> requiredProperties() const;

    // Reads a spec from its record in the catalog's data: the generator's compact per-type row
    // layout (see generate-catalog.mjs) in CBOR, as catalogindexgen writes it. Throws
    // std::runtime_error, naming the type and what was expected, when the record is malformed.
    static ResourceTypeSpec fromRecord(std::string type, std::string cdkModule, std::string cdkClass,
                                       std::string_view record);
};

} // namespace sc
