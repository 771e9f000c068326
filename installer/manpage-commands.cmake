# Writes a help2man include file with one man page section per subcommand, each the text of
# `stackcanvas COMMAND --help`; the commands are the ones `stackcanvas --help` lists.
#   cmake -DEXE=path/to/stackcanvas -DOUT=file.h2m -P manpage-commands.cmake
execute_process(COMMAND ${EXE} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${EXE} --help failed")
endif()
string(REGEX MATCH "Commands[^\n]*\n(  [a-z][^\n]*\n)+" block "${help}")
string(REGEX MATCHALL "\n  [a-z][a-z-]*" names "${block}")
set(text "[SYNOPSIS]\n.B stackcanvas\n[\\fIoptions\\fR] [\\fIFILE\\fR]\n.br\n.B stackcanvas\n\\fICOMMAND\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]\n")
string(APPEND text "\n[COMMANDS]\n")
foreach(name ${names})
    string(STRIP "${name}" name)
    execute_process(COMMAND ${EXE} ${name} --help OUTPUT_VARIABLE commandHelp RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "${EXE} ${name} --help failed")
    endif()
    # roff: a leading dot or quote would be a request; backslashes are escapes.
    string(REPLACE "\\" "\\e" commandHelp "${commandHelp}")
    string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" commandHelp "\n${commandHelp}")
    string(APPEND text ".SS ${name}\n.nf${commandHelp}\n.fi\n")
endforeach()
file(WRITE ${OUT} "${text}")
