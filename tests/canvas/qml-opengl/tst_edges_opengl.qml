import QtQuick
import QtTest
import StackCanvas

// The canvas's edges under a hardware renderer (OpenGL, run under Xvfb), where only what the view
// keeps alive is drawn: whole chunks of edges outside it are left out, and a long edge keeps only
// the pieces near the view, which must still draw every pixel of it the window shows.
Item {
    id: root
    width: 1200
    height: 800

    CanvasView {
        id: canvas
        controller: harness.controller
        anchors.fill: parent
    }

    // `count` queues in a row, `gap` apart, each with a policy just right of it that refers to it.
    function row(count, gap) {
        let text = "Resources:\n"
        let layout = "Metadata:\n  StackCanvas:\n    layout:\n"
        for (let i = 0; i < count; ++i) {
            text += "  Q" + i + ": {Type: AWS::SQS::Queue}\n"
                  + "  P" + i + ": {Type: AWS::SQS::QueuePolicy, Properties: {Queues: [!Ref Q" + i + "], PolicyDocument: {}}}\n"
            layout += "      Q" + i + ": {x: " + (i * gap) + ", y: 0}\n"
                    + "      P" + i + ": {x: " + (i * gap + 400) + ", y: 0}\n"
        }
        return text + layout
    }

    function edgeBetween(source, target) {
        const edges = canvas.edgeLayer
        for (let i = 0; i < edges.count; ++i)
            if (edges.edgeSource(i) === source && edges.edgeTarget(i) === target)
                return i
        return -1
    }

    // Shows the scene point (x, y) at the window's centre at 100 %, once the canvas's live
    // rectangle (which follows the view one event later) holds the view, and a frame has drawn it.
    function showAt(x, y) {
        canvas.zoom = 1
        canvas.panX = root.width / 2 - x
        canvas.panY = root.height / 2 - y
        const view = Qt.rect(x - root.width / 2, y - root.height / 2, root.width, root.height)
        tc.tryVerify(() => {
            const live = harness.controller.resources.liveRect
            return live.x <= view.x && live.y <= view.y && live.x + live.width >= view.x + view.width
                   && live.y + live.height >= view.y + view.height
        })
        tc.waitForRendering(canvas)
    }

    TestCase {
        id: tc
        name: "EdgesOpenGL"
        when: windowShown

        function initTestCase() {
            // Under the software renderer every edge is drawn and this test would say nothing.
            verify(GraphicsInfo.api !== GraphicsInfo.Software, "needs a hardware renderer (OpenGL under Xvfb)")
        }

        // 70 edges fill three chunks (32 edges each) along one band: at each end of the row only
        // the chunks there are drawn.
        function test_chunksOutsideTheViewAreNotDrawn() {
            compare(harness.load(row(70, 1000)), "")
            wait(0)
            const edges = canvas.edgeLayer
            compare(edges.count, 70)
            const first = edgeBetween("P0", "Q0"), last = edgeBetween("P69", "Q69")
            verify(first >= 0 && last >= 0)

            showAt(300, 40)
            tryVerify(() => edges.isEdgeDrawn(first) && !edges.isEdgeDrawn(last))

            showAt(69300, 40)
            tryVerify(() => !edges.isEdgeDrawn(first) && edges.isEdgeDrawn(last))
        }

        // One edge 40,000 units long, seen from its middle at 100 %: its pieces far off screen are
        // left out, and the part across the window is drawn all along.
        function test_aLongEdgeIsDrawnAcrossTheView() {
            compare(harness.load("Resources:\n"
                                 + "  Q: {Type: AWS::SQS::Queue}\n"
                                 + "  P: {Type: AWS::SQS::QueuePolicy, Properties: {Queues: [!Ref Q], PolicyDocument: {}}}\n"
                                 + "Metadata:\n  StackCanvas:\n    layout:\n"
                                 + "      Q: {x: 0, y: 0}\n      P: {x: 40400, y: 0}\n"), "")
            wait(0)
            const edges = canvas.edgeLayer
            compare(edges.count, 1)
            const path = edges.edgePath(0)
            verify(path.length > 2)
            // The curve's height at the view's centre, from its flattened points.
            const midX = 20200
            let y = path[0].y
            for (let i = 0; i + 1 < path.length; ++i) {
                const a = path[i], b = path[i + 1]
                if ((a.x - midX) * (b.x - midX) <= 0 && a.x !== b.x) {
                    y = a.y + (b.y - a.y) * (midX - a.x) / (b.x - a.x)
                    break
                }
            }
            showAt(midX, y)
            let shot = grabImage(canvas)
            const edge = canvas.edgeLayer.color
            const near = (c) => Math.abs(c.r - edge.r) < 0.08 && Math.abs(c.g - edge.g) < 0.08 && Math.abs(c.b - edge.b) < 0.08
            for (let x = 40; x < root.width - 40; x += 80) {
                // The curve barely bends here: the rows around its height at this column.
                let found = false
                for (let dy = -3; dy <= 3 && !found; ++dy)
                    found = near(shot.pixel(x, Math.round(root.height / 2) + dy))
                verify(found, "the edge is drawn at x = " + x)
            }
        }

        // The dot grid is geometry here, one dot per grid point across the window (and a row and
        // column past each edge), in the theme's dot colour; the software renderer's tiled image
        // is not shown. Zoomed far out there is no grid.
        function test_dotGridIsGeometry() {
            compare(harness.load("Resources:\n  Q: {Type: AWS::SQS::Queue}\n"), "")
            const grid = findChild(canvas, "dotGrid")
            verify(grid !== null)
            showAt(0, 0)
            verify(grid.visible)
            compare(grid.step, 32)
            compare(grid.color, Theme.gridDot)
            compare(grid.dotCount(), (Math.ceil(root.width / 32) + 2) * (Math.ceil(root.height / 32) + 2))
            canvas.zoom = 2
            tc.waitForRendering(canvas)
            compare(grid.step, 64)
            compare(grid.dotCount(), (Math.ceil(root.width / 64) + 2) * (Math.ceil(root.height / 64) + 2))
            canvas.zoom = 0.3
            verify(!grid.visible)
        }
    }
}
