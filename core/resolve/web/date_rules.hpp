#pragma once

#include "core/resolve/web/body_findings.hpp"

#include "core/model/date.hpp"

namespace refs::resolve::web {

/// The article's publication date as the page shows it, best first:
/// - "itemprop datePublished": schema.org microdata;
/// - "time published": a `<time>` marked as the publication date (class
///   "published", "entry-date", "post-date", or `pubdate`);
/// - "time near headline": the first `<time datetime>` near the headline;
/// - "date class": a short text in an element whose class or id says
///   date, time, published or dateline, near the headline;
/// - "date text": a short text near the headline that is a date or is
///   labelled as the publication ("Published", "Veröffentlicht am",
///   "Publié le", "입력", "公開日" …);
/// - "URL date": /2020/11/03/ in the page's address.
/// Rejected, with the reason: dates in page furniture (other articles,
/// comments), dates labelled as updates ("Updated", "Aktualisiert",
/// "Mis à jour", "수정"), copyright years, and dates before 1995 or after
/// `today`.
void find_dates(const BodyScan& scan, const model::Date& today, BodyFindings& findings);

/// True when the text labels a date as a change, not the publication:
/// "Updated", "Last modified", "Aktualisiert", "Mis à jour" ….
bool labels_an_update(std::string_view text);

} // namespace refs::resolve::web
