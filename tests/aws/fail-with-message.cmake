# Used as a test command when a prerequisite of the AWS checks is missing:
# cmake -DMESSAGE=... -P fail-with-message.cmake
message(FATAL_ERROR "${MESSAGE}")
