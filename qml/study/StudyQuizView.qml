import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// One practice question at a time: pick a choice, see whether it was right, why, and when FSRS
// brings the question back. Prediction questions say that the simulator answers them.
ColumnLayout {
    id: view
    required property StudyQuiz quiz
    readonly property bool answered: quiz.chosen >= 0

    spacing: 8

    Label {
        visible: !view.quiz.active && view.quiz.idleNote !== ""
        Layout.fillWidth: true
        text: view.quiz.idleNote
        wrapMode: Text.WordWrap
        color: Theme.textMuted
    }
    Label {
        objectName: "studyQuizDone"
        visible: !view.quiz.active && view.quiz.count > 0
        Layout.fillWidth: true
        text: "Round over: " + view.quiz.correctCount + " of " + view.quiz.count + " right. Questions answered wrong come back first."
        wrapMode: Text.WordWrap
        color: Theme.text
    }

    ColumnLayout {
        visible: view.quiz.active
        Layout.fillWidth: true
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: "Question " + (view.quiz.position + 1) + " of " + view.quiz.count
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
            Rectangle {
                objectName: "studyPredictionBadge"
                visible: view.quiz.question.prediction === true
                implicitWidth: badge.implicitWidth + 12
                implicitHeight: badge.implicitHeight + 4
                radius: 3
                color: Theme.accent
                Label {
                    id: badge
                    anchors.centerIn: parent
                    text: "Prediction · the simulator answers"
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.textOnAccent
                }
            }
            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideRight
                text: view.quiz.question.topicName ?? ""
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
        }
        Label {
            objectName: "studyQuestion"
            Layout.fillWidth: true
            text: view.quiz.question.text ?? ""
            wrapMode: Text.WordWrap
            color: Theme.text
            font.pixelSize: Theme.fontSize + 1
        }
        Repeater {
            id: choices
            model: view.quiz.question.choices ?? []
            delegate: Button {
                id: choice
                required property string modelData
                required property int index
                property color tint: Theme.panel
                Layout.fillWidth: true
                text: String.fromCharCode(65 + index) + ")  " + modelData
                contentItem: Label {
                    text: choice.text
                    wrapMode: Text.WordWrap
                    color: Theme.text
                }
                background: Rectangle {
                    color: choice.hovered && choice.enabled ? Theme.hover : choice.tint
                    border.color: Theme.border
                    radius: 4
                }
            }
            // Wired here, in the view's scope (a delegate cannot see `view`).
            onItemAdded: (index, item) => {
                const button = item as Button
                button.objectName = "studyChoice" + index
                button.clicked.connect(() => view.quiz.choose(index))
                button.enabled = Qt.binding(() => !view.answered)
                button.tint = Qt.binding(() => !view.answered ? Theme.panel
                    : index === view.quiz.answer ? Qt.rgba(Theme.success.r, Theme.success.g, Theme.success.b, 0.35)
                    : index === view.quiz.chosen ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.35) : Theme.panel)
            }
        }
        Label {
            objectName: "studyVerdict"
            visible: view.answered
            Layout.fillWidth: true
            text: (view.quiz.chosen === view.quiz.answer ? "Right. " : "Not quite: the answer is "
                   + String.fromCharCode(65 + view.quiz.answer) + ". ")
                  + "Next review in " + view.quiz.nextReview + "."
            font.bold: true
            wrapMode: Text.WordWrap
            color: view.quiz.chosen === view.quiz.answer ? Theme.success : Theme.danger
        }
        Label {
            objectName: "studyExplanation"
            visible: view.answered
            Layout.fillWidth: true
            text: view.quiz.explanation + "\n\nLesson: " + (view.quiz.question.lesson ?? "")
            wrapMode: Text.WordWrap
            color: Theme.text
        }
        Button {
            objectName: "studyQuizNext"
            visible: view.answered
            text: view.quiz.position + 1 < view.quiz.count ? "Next question" : "Finish"
            highlighted: true
            onClicked: view.quiz.next()
        }
    }
}
