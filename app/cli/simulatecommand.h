#pragma once
// `stackcanvas simulate FILE --target LOGICAL_ID [--strategy NAME] [--instances N]
//  [--fail SPEC]... [--set NAME=SECONDS]... [--format text|json]`
// Plays the rollout of one target of a template and prints its timeline. Exit code 0 when the
// deployment Succeeded, 1 when it ended otherwise, 2 on bad usage or unreadable input.

#include <QStringList>

// `arguments` are the words after "simulate".
int runSimulateCommand(const QStringList &arguments);
