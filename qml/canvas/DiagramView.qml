import StackCanvas

// The former name of the canvas, for windows that still place a DiagramView.
CanvasView {
}
