// CanvasController: the boxes drawn around what a VPC, a subnet or a blue/green half holds
// (model/geometry/containers). Membership is read again only when the graph changes; a box's
// rectangle when a card inside it moves.

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
    const FootprintOf footprintOf = [this](const std::string &id) { return m_document->footprint(id); };
    if (!change || change->graphChanged || splitsMayChange) {
        const ContainerMembership membership = ContainerMembership::of(m_document->root(), m_document->graph());
        m_containerBoxes = ContainerBoxes(membership, footprintOf);
    } else {
        // Boxes follow their members' cards: a move or an edit (a card's size follows its text)
        // measures again the boxes that hold what moved or changed, and no other.
        std::set<std::string> touched = change->moved;
        touched.insert(change->modified.begin(), change->modified.end());
        if (!m_containerBoxes.update(touched, footprintOf))
            return;
    }
    if (m_containerModel->setBoxes(m_containerBoxes.boxes()))
        emit containersChanged();
}

} // namespace sc
