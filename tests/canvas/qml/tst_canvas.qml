import QtQuick
import QtTest
import StackCanvas

// The canvas driven like a user would: palette drag and double-click, connecting from a card's
// handle, moving several cards, deleting with references present, copy/paste; each undone and
// redone back to the exact document.
Item {
    id: root
    width: 1280
    height: 800

    readonly property string base: "Resources:\n"
        + "  Worker:\n"
        + "    Type: AWS::Lambda::EventSourceMapping\n"
        + "    Properties:\n"
        + "      FunctionName: worker\n"
        + "      BatchSize: 10\n"
        + "  Jobs:\n"
        + "    Type: AWS::SQS::Queue\n"
        + "  Policy:\n"
        + "    Type: AWS::SQS::QueuePolicy\n"
        + "    Properties:\n"
        + "      Queues: [!Ref Jobs]\n"
        + "      PolicyDocument: {Statement: []}\n"
        + "Metadata:\n"
        + "  StackCanvas:\n"
        + "    layout:\n"
        + "      Jobs: {x: 0, y: 0}\n"
        + "      Worker: {x: 400, y: 0}\n"
        + "      Policy: {x: 400, y: 192}\n"

    PalettePanel {
        id: palette
        controller: harness.controller
        width: 264
        height: root.height
    }
    CanvasView {
        id: canvas
        controller: harness.controller
        x: 264
        width: root.width - 264
        height: root.height
    }

    TestCase {
        name: "Canvas"
        when: windowShown

        function init() {
            compare(harness.load(root.base), "")
            wait(0) // the view fits a newly opened document once: let it, then set the view
            canvas.zoom = 1
            canvas.panX = 100
            canvas.panY = 100
            palette.filter = ""
            harness.controller.canvas.clearSelection()
            wait(0)
        }
        function card(id) {
            const c = findChild(canvas, "card-" + id)
            verify(c !== null, "card " + id)
            return c
        }
        // A point of a card in root coordinates.
        function at(id, dx, dy) {
            return card(id).mapToItem(root, dx, dy)
        }
        function checkUndoRedo(before, after, steps) {
            compare(harness.consistency(), "")
            for (let i = 0; i < steps; ++i)
                harness.undo()
            compare(harness.dump(), before)
            for (let i = 0; i < steps; ++i)
                harness.redo()
            compare(harness.dump(), after)
        }

        function test_search_data() {
            return [
                {tag: "queue", filter: "queue", first: "AWS::SQS::Queue"},
                {tag: "canary", filter: "canary", first: "AWS::Lambda::Alias"},
                {tag: "beanstalk", filter: "beanstalk", first: "AWS::ElasticBeanstalk::Application"},
                {tag: "two words", filter: "lambda alias", first: "AWS::Lambda::Alias"},
                {tag: "generic type", filter: "AWS::Glue::Crawler", first: "AWS::Glue::Crawler"},
            ]
        }
        function test_search(data) {
            palette.filter = data.filter
            compare(palette.model.typeAt(0), data.first)
        }
        function test_search_deepKindsFirst() {
            palette.filter = "beanstalk"
            const deep = ["AWS::ElasticBeanstalk::Application", "AWS::ElasticBeanstalk::ApplicationVersion",
                          "AWS::ElasticBeanstalk::ConfigurationTemplate", "AWS::ElasticBeanstalk::Environment"]
            const firstFour = []
            for (let i = 0; i < 4; ++i)
                firstFour.push(palette.model.typeAt(i))
            compare(firstFour.sort(), deep)
        }

        function test_addByDoubleClick() {
            const before = harness.dump()
            palette.filter = "sqs queue"
            wait(0)
            const entry = palette.list.itemAtIndex(0)
            verify(entry !== null)
            mouseDoubleClickSequence(entry, 60, 20)
            compare(harness.type("Queue"), "AWS::SQS::Queue")
            compare(harness.value("/Resources/Queue/Properties"), harness.overlayDefaults("AWS::SQS::Queue"))
            compare(harness.controller.canvas.selection, ["Queue"])
            // Centred in the view: (1016/2 - 100, 800/2 - 100) minus half a card (208 x 72), on
            // the grid, then one step down: 16 px clear of Policy at (400, 192).
            compare(harness.value("/Metadata/StackCanvas/layout/Queue"), '{"x":304,"y":288}')
            checkUndoRedo(before, harness.dump(), 1)
        }

        function test_addByDrag() {
            const before = harness.dump()
            palette.filter = "dynamodb table"
            wait(0)
            const entry = palette.list.itemAtIndex(0)
            const start = entry.mapToItem(root, 60, 20)
            mousePress(root, start.x, start.y)
            for (let i = 1; i <= 10; ++i)
                mouseMove(root, start.x + (864 - start.x) * i / 10, start.y + (500 - start.y) * i / 10)
            mouseRelease(root, 864, 500)
            compare(harness.type("Table"), "AWS::DynamoDB::Table")
            // Dropped at scene (864 - 264 - 100, 500 - 100) = (500, 400): the card is centred there.
            compare(harness.value("/Metadata/StackCanvas/layout/Table"), '{"x":400,"y":368}')
            checkUndoRedo(before, harness.dump(), 1)
        }

        function test_connect() {
            const before = harness.dump()
            const edgesBefore = canvas.edgeLayer.count
            const from = at("Worker", 100, 36)
            mouseMove(root, from.x, from.y)
            const handle = findChild(canvas, "connectHandle")
            verify(handle.parent.visible)
            const h = handle.mapToItem(root, handle.width / 2, handle.height / 2)
            const to = at("Jobs", 100, 36)
            mousePress(root, h.x, h.y)
            for (let i = 1; i <= 8; ++i)
                mouseMove(root, h.x + (to.x - h.x) * i / 8, h.y + (to.y - h.y) * i / 8)
            mouseRelease(root, to.x, to.y)
            compare(harness.value("/Resources/Worker/Properties/EventSourceArn"), '{"Fn::GetAtt":["Jobs","Arn"]}')
            compare(canvas.edgeLayer.count, edgesBefore + 1)
            checkUndoRedo(before, harness.dump(), 1)
        }

        function test_connectRefused() {
            const before = harness.dump()
            harness.controller.canvas.connectOrAsk("Jobs", "Policy")
            verify(harness.controller.canvas.message.indexOf("has no property that can refer to Policy") > 0,
                   harness.controller.canvas.message)
            compare(harness.dump(), before)
        }

        function test_moveSeveral() {
            const before = harness.dump()
            const undoBefore = harness.undoCount()
            mouseClick(root, at("Worker", 60, 20).x, at("Worker", 60, 20).y)
            mouseClick(root, at("Policy", 60, 20).x, at("Policy", 60, 20).y, Qt.LeftButton, Qt.ControlModifier)
            compare(Array.from(harness.controller.canvas.selection).sort(), ["Policy", "Worker"])
            const p = at("Worker", 60, 20)
            mousePress(root, p.x, p.y)
            for (let i = 1; i <= 10; ++i) {
                mouseMove(root, p.x + 7 * i, p.y + 3.3 * i)
                wait(5)
            }
            mouseRelease(root, p.x + 70, p.y + 33)
            compare(harness.value("/Metadata/StackCanvas/layout/Worker"), '{"x":464,"y":32}')
            compare(harness.value("/Metadata/StackCanvas/layout/Policy"), '{"x":464,"y":224}')
            compare(harness.value("/Metadata/StackCanvas/layout/Jobs"), '{"x":0,"y":0}')
            compare(harness.undoCount(), undoBefore + 1) // one drag, one undo step
            checkUndoRedo(before, harness.dump(), 1)
        }

        function test_deleteWithReferences() {
            const before = harness.dump()
            mouseClick(root, at("Jobs", 60, 20).x, at("Jobs", 60, 20).y)
            keyClick(Qt.Key_Delete)
            compare(harness.resourceIds(), ["Worker", "Policy"])
            // The reference to the deleted queue is cut, and the emptied list with it.
            compare(harness.value("/Resources/Policy"),
                    '{"Type":"AWS::SQS::QueuePolicy","Properties":{"PolicyDocument":{"Statement":[]}}}')
            compare(harness.value("/Metadata/StackCanvas/layout/Jobs"), "")
            checkUndoRedo(before, harness.dump(), 1)
        }

        function test_copyPaste() {
            const before = harness.dump()
            harness.controller.canvas.select("Jobs")
            harness.controller.canvas.select("Policy", true)
            canvas.forceActiveFocus()
            keyClick(Qt.Key_C, Qt.ControlModifier)
            keyClick(Qt.Key_V, Qt.ControlModifier)
            compare(harness.resourceIds(), ["Worker", "Jobs", "Policy", "Jobs2", "Policy2"])
            compare(harness.value("/Resources/Policy2/Properties/Queues"), '[{"Ref":"Jobs2"}]')
            compare(harness.value("/Resources/Policy/Properties/Queues"), '[{"Ref":"Jobs"}]')
            compare(harness.value("/Metadata/StackCanvas/layout/Jobs2"), '{"x":32,"y":32}')
            compare(harness.controller.canvas.selection, ["Jobs2", "Policy2"])
            checkUndoRedo(before, harness.dump(), 1)
            harness.controller.canvas.select("Jobs2")
            harness.controller.canvas.select("Policy2", true)
            keyClick(Qt.Key_D, Qt.ControlModifier)
            compare(harness.value("/Resources/Policy3/Properties/Queues"), '[{"Ref":"Jobs3"}]')
        }

        function test_zoomAndFit() {
            canvas.fitToView()
            verify(canvas.zoom <= 1 && canvas.zoom >= 0.1)
            canvas.setZoomAt(10, 0, 0)
            compare(canvas.zoom, 4)
            canvas.setZoomAt(0.01, 0, 0)
            compare(canvas.zoom, 0.1)
            // Zooming keeps the scene point under the pointer in place.
            canvas.zoom = 1; canvas.panX = 0; canvas.panY = 0
            canvas.setZoomAt(2, 200, 100)
            compare(canvas.panX, -200)
            compare(canvas.panY, -100)
        }

        // Zooming never rewrites edge geometry: the curves are drawn as 1 px lines zoomed out and
        // as scene-width ribbons zoomed in, both laid out once; a moved card rewrites the chunk of
        // its edges only.
        function test_zoomRewritesNoEdgeGeometry() {
            const edges = canvas.edgeLayer
            compare(edges.count, 1)
            for (const z of [0.5, 1]) {
                canvas.setZoomAt(z, 0, 0)
                waitForRendering(canvas)
            }
            edges.takeRewrittenChunks()
            const steps = [{zoom: 0.9, thin: false}, {zoom: 0.7, thin: true}, {zoom: 0.79, thin: true},
                           {zoom: 0.3, thin: true}, {zoom: 0.12, thin: true}, {zoom: 0.85, thin: false},
                           {zoom: 2, thin: false}]
            for (const step of steps) {
                canvas.setZoomAt(step.zoom, 0, 0)
                waitForRendering(canvas)
                compare(edges.thin, step.thin, "zoom " + step.zoom)
            }
            compare(edges.takeRewrittenChunks(), 0)
            harness.controller.canvas.select("Jobs")
            harness.controller.canvas.nudgeSelection(16, 0)
            waitForRendering(canvas)
            compare(edges.takeRewrittenChunks(), 1)
        }

        // Below ~40 % a card drops its texts and icon and becomes a block of its category's
        // colour over the card's (as Qt.tint lays one over the other); back in, all return.
        function test_levelOfDetail() {
            const card = findChild(canvas, "card-Jobs")
            const body = findChild(card, "cardBody")
            const title = findChild(card, "cardTitle")
            verify(card !== null && body !== null && title !== null)
            canvas.setZoomAt(1, 0, 0)
            verify(title.visible)
            compare(body.color, Theme.card)
            canvas.setZoomAt(0.2, 0, 0)
            verify(!title.visible)
            verify(!findChild(card, "cardKind").visible)
            const expected = Qt.tint(Theme.card, "#8c" + DiagramStyle.categoryColor(card.category, Theme.dark).toString().substring(1))
            for (const channel of ["r", "g", "b"])
                verify(Math.abs(body.color[channel] - expected[channel]) <= 1.5 / 255,
                       channel + ": " + body.color + " against " + expected)
            verify(body.color !== Theme.card)
            canvas.setZoomAt(1, 0, 0)
            verify(title.visible)
            compare(body.color, Theme.card)
        }

        // Moving a card inside a subnet resizes that subnet's box in place (one model row), and a
        // card outside every box leaves the boxes alone.
        function test_containerFollowsItsMembers() {
            compare(harness.load("Resources:\n"
                                 + "  Net: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n"
                                 + "  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net, CidrBlock: 10.0.0.0/24}}\n"
                                 + "  Web: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-1, SubnetId: !Ref Subnet}}\n"
                                 + "  Bucket: {Type: AWS::S3::Bucket}\n"
                                 + "Metadata:\n"
                                 + "  StackCanvas:\n"
                                 + "    layout:\n"
                                 + "      Net: {x: 0, y: 0}\n"
                                 + "      Subnet: {x: 0, y: 200}\n"
                                 + "      Web: {x: 320, y: 200}\n"
                                 + "      Bucket: {x: 800, y: 0}\n"), "")
            wait(0)
            const subnet = findChild(canvas, "container-Subnet")
            const vpc = findChild(canvas, "container-Net")
            verify(subnet !== null && vpc !== null)
            compare(Qt.rect(subnet.x, subnet.y, subnet.width, subnet.height), Qt.rect(-20, 156, 568, 136))
            let changes = 0
            const counter = () => ++changes
            harness.controller.canvas.containersChanged.connect(counter)
            harness.controller.canvas.select("Bucket")
            harness.controller.canvas.nudgeSelection(32, 0)
            compare(changes, 0)
            harness.controller.canvas.select("Web")
            harness.controller.canvas.nudgeSelection(160, 0)
            harness.controller.canvas.containersChanged.disconnect(counter)
            compare(changes, 1)
            compare(findChild(canvas, "container-Subnet"), subnet)
            compare(Qt.rect(subnet.x, subnet.y, subnet.width, subnet.height), Qt.rect(-20, 156, 728, 136))
            compare(vpc.width, 728 + 2 * 28)
        }

        // A diagram far taller than wide stands in the middle of the minimap, not along its left
        // edge, and a click there still leads to the point under it.
        function test_minimapCentresATallDiagram() {
            compare(harness.load("Resources:\n"
                                 + "  A: {Type: AWS::SQS::Queue}\n  B: {Type: AWS::SQS::Queue}\n"
                                 + "Metadata:\n  StackCanvas:\n    layout:\n"
                                 + "      A: {x: 0, y: 0}\n      B: {x: 0, y: 30000}\n"), "")
            const map = findChild(canvas, "minimap")
            verify(map !== null)
            tryVerify(() => map.worldRect.height > 30000)
            const drawn = map.toLocal(map.worldRect)
            fuzzyCompare(drawn.x + drawn.width / 2, map.width / 2, 0.5)
            fuzzyCompare(drawn.height, map.height, 0.5)
            verify(drawn.width < map.width / 4)
            const centre = map.toScene(Qt.point(map.width / 2, map.height / 2))
            fuzzyCompare(centre.x, map.worldRect.x + map.worldRect.width / 2, 1)
            fuzzyCompare(centre.y, map.worldRect.y + map.worldRect.height / 2, 1)
        }

        // The software renderer draws no geometry node: the grid is its tiled image there.
        function test_gridInTheSoftwareRenderer() {
            verify(GraphicsInfo.api === GraphicsInfo.Software)
            canvas.setZoomAt(1, 0, 0)
            verify(!findChild(canvas, "dotGrid").visible)
            verify(findChild(canvas, "gridImage").visible)
        }

        // A box out of view is not drawn, as a card is not; it is again once the view comes back.
        // Zoomed out its corners are square (fewer vertices), zoomed in round.
        function test_containersOutOfViewAreNotDrawn() {
            compare(harness.load("Resources:\n"
                                 + "  Net: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n"
                                 + "  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net, CidrBlock: 10.0.0.0/24}}\n"
                                 + "  Web: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-1, SubnetId: !Ref Subnet}}\n"
                                 + "  Far: {Type: AWS::S3::Bucket}\n"
                                 + "Metadata:\n"
                                 + "  StackCanvas:\n"
                                 + "    layout:\n"
                                 + "      Net: {x: 0, y: 0}\n"
                                 + "      Subnet: {x: 0, y: 200}\n"
                                 + "      Web: {x: 320, y: 200}\n"
                                 + "      Far: {x: 30000, y: 0}\n"), "")
            wait(0)
            const subnet = findChild(canvas, "container-Subnet")
            const vpc = findChild(canvas, "container-Net")
            verify(subnet !== null && vpc !== null)
            canvas.zoom = 1
            canvas.panX = 100
            canvas.panY = 100
            tryVerify(() => subnet.visible && vpc.visible)
            compare(subnet.radius, 10)
            canvas.panX = -30000 + 100
            tryVerify(() => !subnet.visible && !vpc.visible)
            verify(findChild(canvas, "card-Far").visible)
            canvas.panX = 100
            tryVerify(() => subnet.visible && vpc.visible)
            canvas.setZoomAt(0.2, 0, 0)
            tryVerify(() => subnet.radius === 0)
            verify(subnet.visible)
        }
    }
}

