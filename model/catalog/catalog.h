#pragma once
// The resource catalog: every CloudFormation (and SAM) resource type the AWS CDK specification
// database knows, plus the curated overlay for the deep kinds. A process-wide, read-only
// singleton, safe to use from any thread.
//
// Cost model: instance() parses nothing (the type index is static tables, the specifications
// are views into the binary); find() reads one type's CBOR record in place on its first request, and
// the curated overlay is parsed on the first request for anything curated (overlay, category,
// display name, connection rules). Both are kept for the process lifetime, so returned
// pointers never dangle, and the two can be parsed on different threads at once.
//
// Custom resources: "Custom::Anything" is answered with AWS::CloudFormation::CustomResource
// (find, overlay, connection rules), since that is how CloudFormation treats it.

#include "model/catalog/kindoverlay.h"
#include "model/catalog/resourcetypespec.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

class OverlayData;

class Catalog
{
public:
    static const Catalog &instance();

    std::vector<std::string> typeNames() const;                // every type, sorted
    const ResourceTypeSpec *find(std::string_view type) const; // nullptr if unknown; parsed on first request
    const KindOverlay *overlay(std::string_view type) const;   // nullptr for generic kinds
    std::vector<const KindOverlay *> overlays() const;         // the deep kinds
    // Curated rules for the pair; for a pair the overlay does not cover, rules derived from the
    // specification's references (a property documented as holding the target's ID or ARN).
    std::vector<ConnectionRule> connectionRules(std::string_view sourceType,
                                                std::string_view targetType) const;
    std::vector<std::string> categories() const;               // in display order

    bool contains(std::string_view type) const;                // cheap: no parsing
    std::size_t typeCount() const;
    // Palette section of any type: the overlay's for deep kinds, else by service namespace.
    std::string category(std::string_view type) const;
    // "Lambda Function" for AWS::Lambda::Function unless the overlay names it.
    std::string displayName(std::string_view type) const;
    // Every curated rule whose source is sourceType (for "what can this card connect to").
    std::vector<ConnectionRule> connectionRulesFrom(std::string_view sourceType) const;
    const std::vector<ConnectionRule> &curatedConnectionRules() const;
    // Where the generated data came from ("aws-cdk 2.x db.json.gz; ...").
    std::string source() const;

    ~Catalog();
    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

private:
    Catalog();
    struct Entry;
    struct Data;
    const Entry *entry(std::string_view type) const;
    const OverlayData &overlayData() const;
    std::vector<ConnectionRule> derivedRules(const ResourceTypeSpec &source,
                                             std::string_view targetType) const;

    std::unique_ptr<Data> m_data;
};

} // namespace sc
