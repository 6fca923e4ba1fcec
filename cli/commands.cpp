#include "cli/commands.hpp"

#include <array>

namespace refs::cli {

namespace {

constexpr std::array<Command, 15> k_commands = {{
    {"resolve", "Read posts' footnotes and store their citations", Needs::write_library, add_resolve},
    {"list", "List the citations in the library", Needs::read_library, add_list},
    {"search", "Find citations by words of their titles, authors, venues, abstracts, keys or links", Needs::read_library,
     add_search},
    {"show", "Show every field of one citation", Needs::read_library, add_show},
    {"set", "Correct fields of a citation by hand", Needs::write_library, add_set},
    {"rm", "Remove a citation from the library", Needs::write_library, add_rm},
    {"dedupe", "Find citations that are one work and join them (or undo a join)", Needs::write_library,
     add_dedupe},
    {"export", "Write citations as BibTeX, CSL-JSON or Markdown footnotes", Needs::write_library,
     add_export},
    {"import", "Add BibTeX, BibLaTeX or CSL-JSON entries to the library (one citation per work)",
     Needs::write_library, add_import},
    {"cite", "Turn a post's [@key] citation markers into footnotes from the library", Needs::write_library,
     add_cite},
    {"check", "Check every cited link: ok, moved, blocked, soft-404, dead; find archived copies", Needs::write_library,
     add_check},
    {"published", "Find the published versions of preprints (conference, journal) and cite them", Needs::write_library,
     add_published},
    {"extract", "Show what refs reads from a saved web page, field by field", Needs::no_library, add_extract},
    {"cache", "Manage the cache of fetched pages (cache clear)", Needs::write_library, add_cache},
    {"completion", "Print a bash or zsh completion script (commands, options, citation keys)", Needs::no_library,
     add_completion},
}};

} // namespace

std::span<const Command> commands() { return k_commands; }

} // namespace refs::cli
