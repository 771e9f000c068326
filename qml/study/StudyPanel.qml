import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// The Study panel: every lesson of the exam outline with the learner's progress; an open lesson
// walks its steps on the canvas (highlighted cards, a rule made to fire in the Problems tab and
// fixed, a rollout or what-if stepped through, a practice quiz scheduled by FSRS). Practice over
// every lesson runs from the panel's header.
Rectangle {
    id: panel
    required property DocumentController controller
    // Runs an action once unsaved changes are dealt with (the window's guard).
    property var guard: (action) => action()
    readonly property StudyController study: studyController
    signal problemsWanted()

    color: Theme.panel

    StudyController {
        id: studyController
        objectName: "study"
        controller: panel.controller
        onProblemsWanted: panel.problemsWanted()
    }

    function openLesson(lessonId) {
        panel.guard(() => studyController.openLesson(lessonId))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: 40
            Layout.leftMargin: 12
            Layout.rightMargin: 8
            Button {
                objectName: "studyBack"
                visible: studyController.lessonId !== "" || studyController.quiz.scope === "" && studyController.quiz.count > 0
                text: "‹ Lessons"
                flat: true
                onClicked: {
                    studyController.quiz.stop()
                    studyController.closeLesson()
                }
            }
            Label {
                Layout.fillWidth: true
                text: "Study"
                font.pixelSize: Theme.headingFontSize
                font.bold: true
                color: Theme.text
            }
            Button {
                objectName: "studyPractice"
                visible: studyController.lessonId === ""
                text: "Practice"
                ToolTip.visible: hovered
                ToolTip.text: "Questions due for review across every lesson, weakest topics first"
                onClicked: studyController.quiz.start("")
            }
            Button {
                objectName: "studyPredict"
                visible: studyController.lessonId === ""
                text: "Predict"
                ToolTip.visible: hovered
                ToolTip.text: "Prediction questions: say what a rollout or what-if will do, then see the simulator's answer"
                onClicked: studyController.quiz.start("", true)
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        Label {
            visible: studyController.storeError !== "" || studyController.message !== ""
            Layout.fillWidth: true
            Layout.margins: 8
            text: studyController.message !== "" ? studyController.message : studyController.storeError
            wrapMode: Text.WordWrap
            color: Theme.error
        }

        // ---- every lesson ----
        StudyListView {
            id: lessonList
            objectName: "studyLessons"
            visible: studyController.lessonId === "" && !(studyController.quiz.scope === "" && studyController.quiz.count > 0)
                     && studyController.quiz.idleNote === ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            study: studyController
            model: studyController.lessons
            onOpenRequested: (lessonId) => panel.openLesson(lessonId)
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property var modelData
                required property int index
                objectName: "lesson:" + modelData.id
                width: ListView.view.width
                onClicked: (ListView.view as StudyListView).openRequested(modelData.id)
                contentItem: ColumnLayout {
                    spacing: 3
                    Label {
                        visible: row.modelData.firstOfTopic
                        Layout.fillWidth: true
                        topPadding: row.index > 0 ? 10 : 0
                        bottomPadding: 2
                        text: row.modelData.topic + ". " + row.modelData.topicName
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        font.capitalization: Font.AllUppercase
                        color: Theme.textMuted
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.modelData.title
                        wrapMode: Text.WordWrap
                        color: Theme.text
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Rectangle {
                            Layout.preferredWidth: 90
                            Layout.preferredHeight: 6
                            radius: 3
                            color: Theme.border
                            Rectangle {
                                width: parent.width * row.modelData.completed / Math.max(1, row.modelData.steps)
                                height: parent.height
                                radius: 3
                                color: row.modelData.completed === row.modelData.steps ? Theme.success : Theme.accent
                            }
                        }
                        Label {
                            objectName: "lessonProgress"
                            text: row.modelData.completed + " of " + row.modelData.steps + " steps"
                            font.pixelSize: Theme.smallFontSize
                            color: row.modelData.completed === row.modelData.steps ? Theme.success : Theme.textMuted
                        }
                    }
                }
            }
        }

        // ---- practice over every lesson ----
        ScrollView {
            id: practiceScroll
            visible: studyController.lessonId === "" && !lessonList.visible
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            ColumnLayout {
                width: practiceScroll.availableWidth
                StudyQuizView {
                    Layout.fillWidth: true
                    Layout.margins: 12
                    quiz: studyController.quiz
                }
            }
        }

        // ---- the open lesson ----
        ColumnLayout {
            visible: studyController.lessonId !== ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 12
            spacing: 8

            Label {
                objectName: "studyLessonTitle"
                Layout.fillWidth: true
                text: studyController.lesson.title ?? ""
                font.pixelSize: Theme.headingFontSize
                font.bold: true
                wrapMode: Text.WordWrap
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: (studyController.lesson.topicName ?? "") + " · " + (studyController.lesson.subtopic ?? "")
                font.pixelSize: Theme.smallFontSize
                wrapMode: Text.WordWrap
                color: Theme.textMuted
            }
            Flow {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    id: stepChips
                    model: studyController.steps
                    delegate: Button {
                        required property var modelData
                        required property int index
                        text: (modelData.done ? "✓ " : "") + (index + 1)
                        implicitWidth: 40
                        implicitHeight: 26
                        font.pixelSize: Theme.smallFontSize
                        ToolTip.visible: hovered
                        ToolTip.text: modelData.kind + ": " + modelData.title
                    }
                    // Wired here, in the panel's scope (a delegate cannot see `studyController`).
                    onItemAdded: (index, item) => {
                        const chip = item as Button
                        chip.objectName = "studyStep" + index
                        chip.highlighted = Qt.binding(() => studyController.stepIndex === index)
                        chip.clicked.connect(() => studyController.goToStep(index))
                    }
                }
            }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

            ScrollView {
                id: stepScroll
                Layout.fillWidth: true
                Layout.fillHeight: studyController.output.length === 0
                Layout.preferredHeight: studyController.output.length === 0 ? -1 : Math.min(stepBody.implicitHeight, panel.height * 0.4)
                contentWidth: availableWidth
                ColumnLayout {
                    id: stepBody
                    width: stepScroll.availableWidth
                    spacing: 8
                    Label {
                        objectName: "studyStepTitle"
                        Layout.fillWidth: true
                        text: (studyController.stepIndex + 1) + ". " + (studyController.step.title ?? "")
                        font.bold: true
                        wrapMode: Text.WordWrap
                        color: Theme.text
                    }
                    Label {
                        objectName: "studyStepText"
                        Layout.fillWidth: true
                        text: studyController.step.text ?? ""
                        wrapMode: Text.WordWrap
                        color: Theme.text
                        lineHeight: 1.15
                    }
                    Label {
                        visible: (studyController.step.highlight ?? []).length > 0
                        Layout.fillWidth: true
                        text: "Selected on the canvas: " + (studyController.step.highlight ?? []).join(", ")
                        font.pixelSize: Theme.smallFontSize
                        wrapMode: Text.WordWrap
                        color: Theme.textMuted
                    }
                    Label {
                        visible: studyController.step.kind === "rollout"
                        Layout.fillWidth: true
                        text: "The rollout engine's timeline for " + (studyController.step.target ?? "")
                              + ": the outcome, then every event with what AWS does and why."
                        font.pixelSize: Theme.smallFontSize
                        wrapMode: Text.WordWrap
                        color: Theme.textMuted
                    }
                    Button {
                        objectName: "studyRun"
                        visible: studyController.step.kind === "rollout" || studyController.step.kind === "whatif"
                        text: studyController.step.kind === "rollout" ? "Rehearse the rollout" : "Run the what-if"
                        highlighted: true
                        onClicked: studyController.run()
                    }
                    RowLayout {
                        visible: studyController.step.kind === "rule"
                        Layout.fillWidth: true
                        Button {
                            objectName: "studyBreak"
                            text: "Make the change"
                            enabled: studyController.ruleState === ""
                            highlighted: studyController.ruleState === ""
                            onClicked: studyController.breakExample()
                        }
                        Button {
                            objectName: "studyFix"
                            visible: studyController.step.fixable === true
                            text: "Apply the fix"
                            enabled: studyController.ruleState === "firing"
                            highlighted: studyController.ruleState === "firing"
                            onClicked: studyController.applyFix()
                        }
                    }
                    Label {
                        objectName: "studyRuleState"
                        visible: studyController.step.kind === "rule" && studyController.ruleState !== ""
                        Layout.fillWidth: true
                        text: studyController.ruleState === "firing"
                              ? studyController.step.rule + " reports " + studyController.step.resource + " in the Problems tab."
                              : studyController.step.rule + " no longer reports " + studyController.step.resource + "."
                        wrapMode: Text.WordWrap
                        color: studyController.ruleState === "firing" ? Theme.warning : Theme.success
                    }
                    StudyQuizView {
                        visible: studyController.step.kind === "quiz"
                        Layout.fillWidth: true
                        quiz: studyController.quiz
                    }
                }
            }

            StudyOutputView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                study: studyController
            }

            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "studyPrevious"
                    text: "Previous"
                    enabled: studyController.stepIndex > 0
                    onClicked: studyController.previous()
                }
                Item { Layout.fillWidth: true }
                Label {
                    text: "Step " + (studyController.stepIndex + 1) + " of " + studyController.steps.length
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.textMuted
                }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "studyNext"
                    text: studyController.stepIndex + 1 < studyController.steps.length ? "Next" : "Done"
                    highlighted: true
                    onClicked: {
                        if (studyController.stepIndex + 1 < studyController.steps.length)
                            studyController.next()
                        else {
                            studyController.next()
                            studyController.closeLesson()
                        }
                    }
                }
            }
        }
    }
}
