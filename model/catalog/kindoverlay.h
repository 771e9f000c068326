#pragma once
// Curated knowledge about the deep kinds (DESIGN §1) that the CloudFormation specification does
// not carry: where a kind sits in the palette, how a new card starts, what dragging one card onto
// another writes, and which rollout strategies can deploy it. Loaded from overlay.json.

#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

struct ConnectionRule {
    std::string sourceType, targetType;  // drag a card of sourceType onto a card of targetType
    std::string propertyPath;            // property of the SOURCE resource, '/'-separated JSON-pointer-like path under Properties, "-" meaning "append to this list" (e.g. "VPCZoneIdentifier/-", "LoadBalancerInfo/TargetGroupInfoList/-/Name")
    std::string intrinsic;               // "Ref" or "GetAtt:Arn" (attribute after the colon)
    std::string label;                   // user words, e.g. "Runs in subnet"
    // Literal members of the list element appended at the path's last "-", for elements that
    // need more than the reference (an EventBridge target's Id, an SNS subscription's Protocol).
    // On a path without "-", literal members written beside the reference when the user has not
    // set them (a redrive policy's maxReceiveCount, required with its deadLetterTargetArn).
    // The string "{{target}}" stands for the target's logical ID. Null when not needed.
    Json element;
    // Properties of the source that this connection makes wrong and that connecting removes: a
    // configuration template replaces the environment's own SolutionStackName.
    std::vector<std::string> replaces = {};

    bool isGetAtt() const { return intrinsic.rfind("GetAtt:", 0) == 0; }
    std::string attribute() const { return isGetAtt() ? intrinsic.substr(7) : std::string(); }
    // The value to write, e.g. {"Ref": "Subnet1"} or {"Fn::GetAtt": ["Role", "Arn"]}.
    Json valueFor(const std::string &targetLogicalId) const;
    // `element` with "{{target}}" replaced; an empty object when the rule has none.
    Json elementFor(const std::string &targetLogicalId) const;
};
// Rules of one (source, target) pair that share a label form one connection and are applied
// together (a Route 53 alias needs both DNSName and HostedZoneId); different labels are
// alternatives for the user to pick from.

struct KindOverlay {
    std::string type, category, icon, displayName, lesson;
    std::vector<std::string> keywords;         // search words ("queue", "canary", ...)
    Json defaults;                              // valid Properties for a new resource
    std::vector<std::string> rolloutStrategies; // e.g. "CodeDeployInPlace", "BeanstalkRolling"
    std::string refReturns;                     // when the overlay words it better than the spec
};

} // namespace sc
