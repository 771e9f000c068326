// CanvasController: the boxes drawn around what a VPC, a subnet or a blue/green half holds
// (model/geometry/containers). Membership is read again only when the graph changes; the
// rectangles when a card inside a box moves.

#include "app/gui/canvascontroller.h"

#include "app/gui/containermodel.h"
#include "model/document/document.h"

#include <algorithm>

namespace sc {

void CanvasController::rebuildContainers(const DocumentChange *change)
{
    // Blue/green halves also follow record weights and names and deployment groups' target groups.
    const bool splitsMayChange = change && std::any_of(change->modified.begin(), change->modified.end(), [&](const std::string &id) {
        const std::string type = m_document->resourceType(id);
        return type == "AWS::Route53::RecordSet" || type == "AWS::CodeDeploy::DeploymentGroup";
    });
    if (!change || change->graphChanged || splitsMayChange) {
        m_membership = ContainerMembership::of(m_document->root(), m_document->graph());
        m_inContainers = m_membership.members();
    } else {
        // Boxes follow their members' cards: a move or an edit (a card's size follows its text)
        // of a resource outside every box leaves them alone.
        const auto inside = [&](const std::set<std::string> &ids) {
            return std::any_of(ids.begin(), ids.end(), [&](const std::string &id) { return m_inContainers.count(id) > 0; });
        };
        if (!inside(change->moved) && !inside(change->modified))
            return;
    }
    auto boxes = containerBoxes(m_membership, [this](const std::string &id) { return m_document->footprint(id); });
    if (m_containerModel->setBoxes(std::move(boxes)))
        emit containersChanged();
}

} // namespace sc
