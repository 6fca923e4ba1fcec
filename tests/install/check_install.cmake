# `cmake --install` as a user runs it, into a prefix of its own: it installs bin/refs and
# nothing else, and that refs runs from anywhere with nothing of the source or build tree.
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DVERSION=... -DWORK_DIR=... -P check_install.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} failed: ${status}")
endif()

file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
if(NOT installed STREQUAL "bin/refs")
  message(FATAL_ERROR "installed '${installed}', expected only 'bin/refs'")
endif()

# Every shared library it needs is found.
execute_process(COMMAND ldd "${prefix}/bin/refs" OUTPUT_VARIABLE libraries RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR libraries MATCHES "not found")
  message(FATAL_ERROR "the installed refs misses shared libraries:\n${libraries}")
endif()

# Nothing of the user's own setup reaches it, and a sanitizer report has an exit code of its own.
foreach(name REFS_DB REFS_MAILTO XDG_DATA_HOME XDG_CONFIG_HOME)
  unset(ENV{${name}})
endforeach()
set(ENV{ASAN_OPTIONS} "exitcode=86")
set(ENV{UBSAN_OPTIONS} "exitcode=86")

# Found on the PATH, it says its version.
set(ENV{PATH} "${prefix}/bin:$ENV{PATH}")
execute_process(COMMAND refs --version OUTPUT_VARIABLE version RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT version STREQUAL "refs ${VERSION}\n")
  message(FATAL_ERROR "refs --version printed '${version}' (exit ${status}), expected 'refs ${VERSION}'")
endif()

# It resolves a post from another folder, into a new library, with its schema compiled in.
file(MAKE_DIRECTORY "${WORK_DIR}/elsewhere")
configure_file("${SOURCE_DIR}/tests/data/ai-trends-2023-11.md" "${WORK_DIR}/elsewhere/post.md" COPYONLY)
set(ENV{HOME} "${WORK_DIR}/elsewhere")
execute_process(COMMAND refs --offline resolve post.md WORKING_DIRECTORY "${WORK_DIR}/elsewhere"
                OUTPUT_VARIABLE report ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT report MATCHES "38 references in 1 post")
  message(FATAL_ERROR "the installed refs could not resolve the sample post (exit ${status}):\n${report}${errors}")
endif()
if(NOT EXISTS "${WORK_DIR}/elsewhere/.local/share/refs/library.sqlite")
  message(FATAL_ERROR "the installed refs kept its library elsewhere than ~/.local/share/refs/library.sqlite")
endif()
message(STATUS "installed bin/refs only; ${version}resolved the sample post from ${WORK_DIR}/elsewhere")
file(REMOVE_RECURSE "${WORK_DIR}")
