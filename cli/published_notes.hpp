#pragma once

#include "cli/context.hpp"
#include "core/pipeline/apply_published.hpp"
#include "core/pipeline/find_published.hpp"

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::cli {

/// One note counting confirmed versions, candidates and preprints with
/// none, with the command that acts on each (`applying`: the confirmed
/// ones are being applied, so it is not offered), or that there is no
/// preprint; then the services given up for the run, as warnings.
void summarize(Context& ctx, const pipeline::PublishedReport& report, bool applying);

/// One note per version applied ("KEY: now cited as published at ICLR
/// 2024; ..."), and one per other citation holding its DOI; an error per
/// failure. Returns 1 when one failed, else 0.
int report_applied(Context& ctx, const std::vector<tl::expected<pipeline::AppliedVersion, std::string>>& applied);

} // namespace refs::cli
