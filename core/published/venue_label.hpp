#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace refs::published {

/// The short name readers know a venue by ("ICLR", "NeurIPS", "ICCV"):
/// the acronym a proceedings title writes before its year ("The Twelfth
/// International Conference on Learning Representations, ICLR 2024,
/// Vienna, …", as DBLP writes them) or in parentheses at its end ("2023
/// IEEE/CVF International Conference on Computer Vision (ICCV)", as
/// Crossref does),
/// else the shortest of `alternates`
/// (Semantic Scholar's alternate names) that is one word with two capital
/// letters, else "".
std::string venue_short_name(const std::string& container_title, const std::vector<std::string>& alternates);

/// Whether a version appeared at a workshop rather than the main venue:
/// its container title says so, or DBLP's venue ("LLMAgents@ICLR").
bool is_workshop(std::string_view container_title);

/// The venue for people: the short name (else the container title), the
/// year unless it names it, and "workshop" for one that does not say so:
/// "ICLR 2024", "NeurIPS 2023 workshop", "Transactions on Machine Learning
/// Research 2024". "" without a container.
std::string venue_label(const model::Citation& c);

} // namespace refs::published
