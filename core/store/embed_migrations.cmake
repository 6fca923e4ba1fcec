# Writes OUTPUT, a C++ file holding every schemas/migrations/*.sql file as a
# string, in file-name order: the migrations ship inside the binary.
file(GLOB files "${MIGRATIONS_DIR}/*.sql")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  file(READ "${f}" sql)
  get_filename_component(name "${f}" NAME)
  string(APPEND body "    {\"${name}\", R\"refs_sql(${sql})refs_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from schemas/migrations by core/store/embed_migrations.cmake.
#include \"core/store/migrations.hpp\"

namespace refs::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> k_migrations = {
${body}  };
  return k_migrations;
}

} // namespace refs::store
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
