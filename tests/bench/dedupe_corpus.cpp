#include "tests/bench/dedupe_corpus.hpp"

#include "core/classify/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <numeric>
#include <optional>
#include <random>
#include <string_view>
#include <unordered_set>
#include <utility>

// Longer than our usual 400 lines: about 200 are word lists and pattern
// tables, and the planted classes share one set of helpers, so they stay in
// one file, side by side.

namespace refs::bench {

namespace {

using model::Citation;
using model::Date;
using model::IdKind;
using model::Person;
using Words = std::vector<std::string>;

constexpr std::string_view k_vocab =
    "learning language models large efficient scaling attention context window extension neural "
    "networks deep reinforcement policy optimization gradient descent stochastic training "
    "inference data dataset benchmark evaluation reasoning chain thought prompting instruction "
    "tuning alignment human feedback preference reward safety robustness adversarial attacks "
    "defense privacy federated distributed parallel memory compute hardware accelerators sparse "
    "dense mixture experts retrieval augmented generation text image video audio speech "
    "recognition translation summarization question answering dialogue agents planning tool code "
    "program synthesis theorem proving graph knowledge representation embeddings vector search "
    "ranking recommendation systems survey review analysis study approach framework methods "
    "towards understanding emergent abilities capabilities limits risks impact future frontier "
    "open weights quantization distillation pruning compression rank adaptation grained zero shot "
    "multimodal vision perception robotics manipulation navigation control dynamics simulation "
    "physics climate weather forecasting precipitation protein structure prediction molecular "
    "drug discovery genomics cells medical clinical diagnosis health brain cognitive economic "
    "labor market government election court ruling startup funding billion company investors "
    "regulation law europe china korea california city energy solar battery electric vehicles "
    "autonomous driving chips semiconductor supply crisis inflation growth global state new first "
    "better faster cheaper simple scalable universal general generalist hidden secret lessons "
    "guide introduction primer tutorial notes thoughts why how what matters works fails beyond "
    "rethinking revisiting exploring measuring evaluating improving building unlocking trust "
    "interpretability mechanistic circuits features neurons superposition autoencoders tokens "
    "tokenizer vocabulary positional encoding rotary long short sequence recurrent space linear "
    "quadratic complexity theory bounds convergence generalization overfitting regularization "
    "uncertainty calibration bayesian probabilistic causal diffusion transformers latent "
    "variational contrastive supervised pretraining finetuning curriculum synthetic scientific "
    "papers citations software engineering developers productivity education students teachers "
    "writing creativity music art games chess poker strategy cooperation competition society "
    "ethics bias fairness misinformation democracy media news journalism copyright lawsuit "
    "open-source cloud datacenter power water carbon emissions efficiency cost price revenue "
    "chatbot assistant browser mobile phones wearables glasses satellite orbit rocket quantum "
    "error correction qubits materials fusion naïve café rôle résumé façade Gödel Schrödinger "
    "Poincaré Erdős Zürich Montréal world's don't it's what's";
constexpr std::string_view k_names =
    "GPT-4 GPT-3 YaRN LLaMA BERT MetNet-3 RoBERTa T5 PaLM Gemini AlphaFold AlphaGo DALL-E Mamba "
    "Mixtral ResNet ViT CLIP LoRA QLoRA RLHF FlashAttention Transformer-XL Whisper Codex "
    "Chinchilla Sora Phi-2 Qwen DeepSeek Falcon BLOOM XLNet ELECTRA GraphCast WaveNet MuZero "
    "StarCoder LLaVA NeRF DINOv2 ControlNet U-Net YOLOv8 PyTorch JAX CUDA WebAssembly Kubernetes "
    "LLMs AI NLP GPU TPU RAG MoE RISC-V 5G COVID-19 mRNA CRISPR";
constexpr std::string_view k_korean = "인공지능 언어 모델 대규모 학습 데이터 분석 연구 기술 "
                                      "미래 사회 경제 정책 교육 의료 자율주행 반도체 시장 "
                                      "기업 산업 혁신 보안 개인정보 윤리 규제 정부 발표 "
                                      "전망 보고서 한국 서울 세계 글로벌 생성형 챗봇 검색 "
                                      "추천 시스템 알고리즘 신경망 딥러닝 머신러닝 강화학습 "
                                      "자연어 처리 이미지 음성 인식 번역 요약 질문 답변 "
                                      "평가 벤치마크 성능 효율 최적화 확장 클라우드 컴퓨팅 "
                                      "하드웨어 칩 전력 에너지 기후 변화 환경 건강 병원 "
                                      "진단 신약 개발 스타트업 투자 일자리 노동 새로운 방법 "
                                      "이해 사례";
constexpr std::string_view k_small = "a an and the of for in on with to from by via";
// Family names by rank: real common ones first (they form the big blocks of
// a real library), then heads × tails, several thousand rare ones.
constexpr std::string_view k_common =
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Kim Lee Park Choi Jung Kang Cho Yoon "
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thomas Martin Müller "
    "Schmidt Schneider Fischer Weber García Rodríguez Martínez López González Nguyen Tran Pham "
    "Singh Kumar Sharma Patel Gupta Tanaka Suzuki Sato Watanabe Rossi Russo Dubois Bernard Silva "
    "Santos Ivanov Kowalski Cohen Levy Andersson Nielsen Jansen";
constexpr std::string_view k_heads =
    "Al Bar Ber Bran Cal Car Dal Dor El Fal Fen Gar Gol Hal Har Hol Ka Kel Kor Lan Lar Lind Mar "
    "Mer Mor Nor Ol Os Pal Pen Quin Ra Ren Ros Sal Sel Sto Tal Ter Tor Ul Van Vel Wal Wen Wil Yar "
    "Zel Ash Bro Cro Dra Fro Gri Hu Ing Ja Kra Lu Mo Na Pe Ri Su";
constexpr std::string_view k_tails =
    "berg son sen ner man mann ley ton well wood field ford ski ova enko ini etti ez ard ois stra "
    "sma ling dahl ström holm vik ka ta moto yama kawa shima no ra ri ro mi er el ian yan ov ic "
    "ak as os us";
constexpr std::string_view k_given =
    "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Sarah Daniel "
    "Emily Thomas Anna Alexander Sophie Lukas Hannah Jonas Lea Pierre Camille Luca Giulia "
    "Alejandro Lucía José María João Ivan Olga Piotr Agnieszka Søren Ingrid Jürgen Zoë François "
    "Chloé Wei Jing Xiaoming Yue Hao Lei Yan Jun Min Hui Tao Xin Yu Ming Jie Ying Min-jun Ji-woo "
    "Seo-yeon Hyun-woo Ji-hoon Soo-jin Hiroshi Yuki Takeshi Aiko Kenji Arjun Priya Rahul Ananya "
    "Vikram Minh Linh Duc Thao Mohammed Fatima Omar Layla Kwame Amara Chinedu Ngozi Tomás Iñaki "
    "Noam Yael";
constexpr std::string_view k_classes =
    "cs.CL cs.LG cs.CV cs.AI stat.ML cs.RO cs.CR cs.IR cs.SE quant-ph hep-th astro-ph.GA math.OC "
    "q-bio.NC eess.AS";
constexpr std::string_view k_archives = "hep-th hep-ph astro-ph cond-mat quant-ph gr-qc math cs";
constexpr std::string_view k_fragments =
    "comments top section-2 references :~:text=language%20models introduction";

// Patterns, expanded by fill(): # a digit, ^ a hex digit, ` a letter,
// ' the two-digit year, @ the year, ! the month, + the day, $ the slug.
constexpr std::string_view k_trackers =
    "utm_source=twitter utm_source=newsletter utm_medium=social utm_medium=email "
    "utm_campaign=weekly-### fbclid=IwAR``#^``#^``#^``#^`` gclid=Cj0K``#^``#^``#^ "
    "mc_cid=^^^^^^^^^^ mc_eid=^^^^^^^^^^ ref_src=twsrc%5Etfw igshid=``#^``#^``#^ "
    "spm=a2c6h.########.0.0";

struct Org {
  std::string_view name;
  std::string_view host;
};
constexpr Org k_orgs[] = {{"OpenAI", "openai.com"},
                          {"Google DeepMind", "deepmind.google"},
                          {"Microsoft Research AI4Science", "www.microsoft.com"},
                          {"Meta AI", "ai.meta.com"},
                          {"World Economic Forum", "www.weforum.org"},
                          {"OECD", "www.oecd.org"},
                          {"Stanford HAI", "hai.stanford.edu"},
                          {"McKinsey & Company", "www.mckinsey.com"},
                          {"International Energy Agency", "www.iea.org"},
                          {"Epoch AI", "epoch.ai"},
                          {"Pew Research Center", "www.pewresearch.org"},
                          {"Bank of Korea", "www.bok.or.kr"}};

struct Venue {
  std::string_view name;
  std::string_view publisher;
  std::string_view doi;     ///< pattern, or "" for a venue that mints no DOIs
  std::string_view landing; ///< the publisher's host, or a URL pattern when there is no DOI
};
constexpr Venue k_journals[] = {
    {"Nature", "Springer Nature", "10.1038/s41586-0'-#####-#", "www.nature.com"},
    {"Science", "AAAS", "10.1126/science.```####", "www.science.org"},
    {"Neural Networks", "Elsevier", "10.1016/j.neunet.@.0#.###", "www.sciencedirect.com"},
    {"The Lancet", "Elsevier", "10.1016/S0140-6736(')#####-#", "www.thelancet.com"},
    {"Physical Review Letters", "APS", "10.1103/PhysRevLett.1##.######", "journals.aps.org"},
    {"PLOS ONE", "Public Library of Science", "10.1371/journal.pone.0######", "journals.plos.org"},
    {"Communications of the ACM", "ACM", "10.1145/3######", "dl.acm.org"},
    {"IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE",
     "10.1109/TPAMI.@.#######", "ieeexplore.ieee.org"},
    {"Transactions of the Association for Computational Linguistics", "MIT Press",
     "10.1162/tacl_a_#####", "direct.mit.edu"},
    {"Bioinformatics", "Oxford University Press", "10.1093/bioinformatics/bt```###",
     "academic.oup.com"},
    {"Journal of the Korean Physical Society", "Springer", "10.1007/s40042-0'-#####-#",
     "link.springer.com"}};
constexpr Venue k_conferences[] = {
    {"Proceedings of the @ Conference on Empirical Methods in Natural Language Processing",
     "Association for Computational Linguistics", "10.18653/v1/@.emnlp-main.####", ""},
    {"Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition", "IEEE",
     "10.1109/CVPR5####.@.#####", ""},
    {"Proceedings of the @ CHI Conference on Human Factors in Computing Systems", "ACM",
     "10.1145/3######.3######", ""},
    {"Proceedings of the International Conference on Machine Learning (ICML @)", "PMLR", "",
     "https://proceedings.mlr.press/v2##/````````'a.html"},
    {"Advances in Neural Information Processing Systems (NeurIPS @)", "Curran Associates", "",
     "https://papers.nips.cc/paper_files/paper/@/hash/^^^^^^^^^^^^^^^^-Abstract-Conference.html"}};

struct Repository {
  std::string_view name;
  std::string_view url; ///< pattern
};
constexpr Repository k_repositories[] = {
    {"DSpace@MIT", "https://dspace.mit.edu/handle/1721.1/1#####"},
    {"eScholarship", "https://escholarship.org/uc/item/^^^^^^^^"},
    {"Zenodo", "https://zenodo.org/records/########"},
    {"HAL", "https://hal.science/hal-0#######"},
    {"SSRN", "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=4######"},
    {"ResearchGate", "https://www.researchgate.net/publication/3########"},
    {"KAIST Repository", "https://koasas.kaist.ac.kr/handle/10203/1#####"}};

/// A kind of website; '*' is the site's own word.
struct SiteForm {
  std::string_view host;
  std::string_view name;
  std::string_view type; ///< CSL type of its pages
  std::string_view path; ///< pattern
};
constexpr SiteForm k_site_forms[] = {
    {"www.*news.com", "The * News", "article-newspaper", "/@/!/+/$"},
    {"www.*daily.com", "* Daily", "article-newspaper", "/news/########"},
    {"www.*times.com", "* Times", "article-newspaper", "/@/!/+/$.html"},
    {"www.*post.com", "The * Post", "article-newspaper", "/article?id=#######"},
    {"blog.*.io", "* Blog", "post-weblog", "/@/!/$/"},
    {"*.substack.com", "*", "post-weblog", "/p/$"},
    {"www.*blog.com", "* Blog", "post-weblog", "/?p=#####"},
    {"*.ai", "* AI", "webpage", "/blog/$/"},
    {"www.*labs.org", "* Labs", "webpage", "/research/$"},
    {"www.*tube.com", "*Tube", "webpage", "/watch?v=``#`^``#`^`"},
    {"www.cs.*.edu", "* University", "webpage", "/~*/$.html"}};

struct Site {
  std::string host, name, type, path;
};

/// What the generator draws from, and what distinct works have claimed.
struct Gen {
  std::mt19937_64 rng;
  Words vocab, names, korean, small, given, classes, archives, fragments, trackers;
  Words families; ///< by rank, most common first
  std::vector<std::uint64_t> family_cdf;
  std::vector<Site> sites;
  std::unordered_set<std::string> claimed; ///< "title ...", "url ...", "arxiv ...", "doi ..."
};

// --- Drawing ----------------------------------------------------------------
//
// Our own uniform picks: std::uniform_int_distribution and std::shuffle
// differ between libstdc++ and libc++. And no two draws are operands of one
// expression (a + b, f(a, b)), whose order is unspecified.

/// Uniform in [0, n), by rejection.
std::size_t pick(Gen& g, std::size_t n) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x = g.rng();
  while (x >= limit) {
    x = g.rng();
  }
  return static_cast<std::size_t>(x % n);
}

int between(Gen& g, int lo, int hi) { return lo + static_cast<int>(pick(g, hi - lo + 1)); }
bool chance(Gen& g, unsigned percent) { return pick(g, 100) < percent; }
template <typename List> const auto& any(Gen& g, const List& list) {
  return list[pick(g, std::size(list))];
}

template <typename T> void shuffle(Gen& g, std::vector<T>& v) {
  for (std::size_t i = v.size(); i > 1; --i) {
    std::swap(v[i - 1], v[pick(g, i)]);
  }
}

std::string two(int n) {
  return {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

std::string fill(Gen& g, std::string_view pattern, const Date& d = {}, std::string_view slug = "") {
  std::string out;
  for (char c : pattern) {
    switch (c) {
    case '#':
      out += static_cast<char>('0' + pick(g, 10));
      break;
    case '^':
      out += "0123456789abcdef"[pick(g, 16)];
      break;
    case '`':
      out += static_cast<char>('a' + pick(g, 26));
      break;
    case '\'':
      out += two(d.year);
      break;
    case '@':
      out += std::to_string(d.year);
      break;
    case '!':
      out += two(d.month);
      break;
    case '+':
      out += two(d.day);
      break;
    case '$':
      out += slug;
      break;
    default:
      out += c;
    }
  }
  return out;
}

// --- Text -------------------------------------------------------------------

Words words_of(std::string_view text) {
  Words out(1);
  for (char c : text) {
    if (c == ' ') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::string join(const Words& words, std::string_view sep = " ") {
  std::string out;
  for (const std::string& w : words) {
    out += (out.empty() ? "" : std::string(sep)) + w;
  }
  return out;
}

std::string recase(std::string s, bool up) {
  for (char& c : s) {
    if (up ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) {
      c = static_cast<char>(up ? c - 32 : c + 32);
    }
  }
  return s;
}

void capitalise(std::string& w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') {
    w[0] = static_cast<char>(w[0] - 32);
  }
}

bool is_korean(std::string_view t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return (c & 0xF0) == 0xE0; });
}

std::string replace_first(std::string t, std::string_view from, std::string_view to) {
  if (const std::size_t at = t.find(from); at != std::string::npos) {
    t.replace(at, from.size(), to);
  }
  return t;
}

/// Lower-case ASCII letters and digits (all non-ASCII bytes kept) with one
/// space between runs: two titles equal under this are one title to a reader.
std::string fold(std::string_view text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80))) {
      gap = !out.empty();
      continue;
    }
    out += gap ? " " : "";
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    gap = false;
  }
  return out;
}

/// The ASCII words of a title, for a URL path.
std::string slug(const std::string& title) {
  Words parts;
  for (const std::string& w : words_of(fold(title))) {
    if (parts.size() < 8 && !w.empty() && !(w[0] & 0x80)) {
      parts.push_back(w);
    }
  }
  return join(parts, "-");
}

bool claim(Gen& g, std::string key) { return g.claimed.insert(std::move(key)).second; }
bool claim_title(Gen& g, const std::string& title) { return claim(g, "title " + fold(title)); }

// --- Titles -----------------------------------------------------------------

std::string english_title(Gen& g) {
  const std::size_t n = between(g, 4, 14);
  Words w;
  if (chance(g, 18)) {
    w.push_back(any(g, g.names) + ":"); // "YaRN: Efficient Context Window..."
  }
  while (w.size() < n) {
    const bool small = !w.empty() && w.size() + 1 < n && chance(g, 22);
    w.push_back(small ? any(g, g.small) : chance(g, 6) ? any(g, g.names) : any(g, g.vocab));
  }
  if (chance(g, 14)) {
    const std::string number =
        fill(g, any(g, std::array{"201#", "202#", "1#", "1#0", "#B", "3D", "2.0"}));
    w[1 + pick(g, n - 1)] = number;
  }
  if (const std::size_t i = 1 + pick(g, n - 2); w[0].back() != ':' && chance(g, 15)) {
    w[i] += ":"; // a subtitle follows
  }
  const bool title_case = chance(g, 60);
  for (std::size_t i = 0; i < n; ++i) {
    const bool small = std::find(g.small.begin(), g.small.end(), w[i]) != g.small.end();
    if (i == 0 || w[i - 1].back() == ':' || (title_case && !small)) {
      capitalise(w[i]);
    }
  }
  return join(w);
}

std::string korean_title(Gen& g) {
  Words w;
  if (chance(g, 30)) {
    w.push_back(any(g, g.names));
  }
  for (int i = between(g, 4, 8); i > 0; --i) {
    w.push_back(any(g, g.korean));
  }
  return join(w);
}

/// A title that no other work has.
std::string fresh_title(Gen& g, bool korean) {
  for (;;) {
    if (std::string t = korean ? korean_title(g) : english_title(g); claim_title(g, t)) {
      return t;
    }
  }
}

/// A writer's own link text for a page: other words than its title.
std::string link_text(Gen& g, const std::string& title) {
  for (;;) {
    Words w;
    for (int i = between(g, 3, 8); i > 0; --i) {
      w.push_back(is_korean(title) ? any(g, g.korean) : any(g, g.vocab));
    }
    capitalise(w[0]);
    if (std::string t = join(w); claim_title(g, t)) {
      return t;
    }
  }
}

bool has_subtitle(const std::string& t) {
  const std::size_t colon = t.find(": ");
  return colon != std::string::npos && t.substr(0, colon).find(' ') != std::string::npos;
}

/// ASCII letters and digits as FULLWIDTH forms (U+FF01...); other bytes kept.
std::string fullwidth(std::string_view word) {
  std::string out;
  for (char c : word) {
    const unsigned cp = 0xFF01 + static_cast<unsigned>(c - 0x21);
    out += c <= ' ' || c >= 0x7F ? std::string(1, c)
                                 : std::string{static_cast<char>(0xE0 | cp >> 12),
                                               static_cast<char>(0x80 | (cp >> 6 & 0x3F)),
                                               static_cast<char>(0x80 | (cp & 0x3F))};
  }
  return out;
}

std::string decompose(std::string t) {
  constexpr std::pair<std::string_view, std::string_view> k_marks[] = {
      {"é", "e\u0301"}, {"è", "e\u0300"}, {"ö", "o\u0308"}, {"ü", "u\u0308"},
      {"ï", "i\u0308"}, {"ç", "c\u0327"}, {"ô", "o\u0302"}, {"ő", "o\u030B"}};
  for (const auto& [composed, decomposed] : k_marks) {
    t = replace_first(t, composed, decomposed);
  }
  return t;
}

/// The same title as another catalogue spells it: recased, repunctuated, or
/// in Unicode forms that NFKC and case folding undo. May return `t` itself.
std::string respelt(Gen& g, const std::string& t) {
  Words w = words_of(t);
  const std::size_t i = pick(g, w.size());
  const bool plain = !(w[i][0] & 0x80) && w[i].find_first_of(":'\"") == std::string::npos;
  switch (pick(g, 10)) {
  case 0:
    return recase(t, chance(g, 30));
  case 1:
    std::for_each(w.begin(), w.end(), capitalise);
    return join(w);
  case 2:
    return replace_first(t, ": ", any(g, std::array{" - ", ". ", " : ", " \u2013 ", " \u2014 "}));
  case 3:
    w[i] = plain ? fullwidth(w[i]) : w[i];
    return join(w);
  case 4:
    w[i] = plain ? "\u201C" + w[i] + "\u201D" : w[i];
    return join(w);
  case 5:
    w[i] = plain ? "\"" + w[i] + "\"" : w[i];
    return join(w);
  case 6:
    return replace_first(replace_first(t, "fi", "\uFB01"), "fl", "\uFB02");
  case 7:
    return replace_first(t, "'", "\u2019");
  case 8:
    return join(w, "\u00A0");
  default:
    return decompose(t);
  }
}

std::string title_variant(Gen& g, const std::string& t) {
  std::string v = t;
  while (v == t) {
    v = respelt(g, t);
    if (chance(g, 30)) {
      v = respelt(g, v);
    }
  }
  return v;
}

/// The published version's title: a subtitle dropped or a word changed.
std::string edited_title(Gen& g, const std::string& t) {
  for (;;) {
    Words w = words_of(t);
    if (has_subtitle(t) && chance(g, 50)) {
      w = words_of(t.substr(0, t.find(": ")));
    } else {
      const std::size_t i = 1 + pick(g, w.size() - 1);
      w[i] = is_korean(w[i]) ? any(g, g.korean) : any(g, g.vocab);
    }
    if (std::string e = join(w); e != t && claim_title(g, e)) {
      return e;
    }
  }
}

/// Another title under the same DOI: abbreviated, a subtitle added or
/// dropped, or a translation.
std::string changed_title(Gen& g, const std::string& t) {
  constexpr std::array k_subtitles = {"A Survey",     "A Systematic Review", "Evidence from Korea",
                                      "A Case Study", "An Empirical Study",  "Extended Version"};
  for (;;) {
    Words w = words_of(t);
    std::string e = t;
    switch (pick(g, 4)) {
    case 0:
      w.resize(std::max<std::size_t>(3, w.size() * 2 / 3));
      e = join(w);
      break;
    case 1:
      e = t + ": " + any(g, k_subtitles);
      break;
    case 2:
      e = has_subtitle(t) ? t.substr(0, t.find(": ")) : t;
      break;
    default:
      return fresh_title(g, !is_korean(t));
    }
    if (e != t && claim_title(g, e)) {
      return e;
    }
  }
}

// --- People -----------------------------------------------------------------

void build_families(Gen& g) {
  g.families = words_of(k_common);
  std::unordered_set<std::string> seen(g.families.begin(), g.families.end());
  Words made;
  for (const std::string& head : words_of(k_heads)) {
    for (const std::string& tail : words_of(k_tails)) {
      if (seen.insert(head + tail).second) {
        made.push_back(head + tail);
      }
    }
  }
  shuffle(g, made); // so that rank does not follow the alphabet
  g.families.insert(g.families.end(), made.begin(), made.end());
  std::uint64_t total = 0;
  for (std::size_t rank = 0; rank < g.families.size(); ++rank) {
    total += 1'000'000'000 / (rank + 2); // Zipf-like, in integers so that every platform agrees
    g.family_cdf.push_back(total);
  }
}

Person person(Gen& g) {
  const std::uint64_t x = pick(g, g.family_cdf.back());
  const auto rank =
      std::upper_bound(g.family_cdf.begin(), g.family_cdf.end(), x) - g.family_cdf.begin();
  return Person{g.families[rank], any(g, g.given), ""};
}

std::vector<Person> authors(Gen& g, bool paper, bool persons) {
  if (!persons && chance(g, 3)) {
    return {Person{"", "", std::string(any(g, k_orgs).name)}};
  }
  constexpr int k_counts[] = {1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8};
  std::vector<Person> out(paper ? any(g, k_counts) : 1 + chance(g, 20));
  for (Person& p : out) {
    p = person(g);
  }
  return out;
}

std::vector<Person> with_initials(std::vector<Person> people) {
  for (Person& p : people) {
    if (p.given.empty()) {
      continue;
    }
    std::size_t n = 1; // the first letter's bytes
    while (n < p.given.size() && (p.given[n] & 0xC0) == 0x80) {
      ++n;
    }
    p.given = p.given.substr(0, n) + ".";
  }
  return people;
}

// --- URLs -------------------------------------------------------------------

struct UrlParts {
  std::string scheme, host, path, query, fragment;
};

UrlParts split_url(const std::string& url) {
  UrlParts p;
  const std::size_t colon = url.find("://"), end = url.find_first_of("/?#", colon + 3);
  p.scheme = url.substr(0, colon);
  p.host = url.substr(colon + 3, end - (colon + 3));
  std::string rest = end == std::string::npos ? "" : url.substr(end);
  if (const std::size_t hash = rest.find('#'); hash != std::string::npos) {
    p.fragment = rest.substr(hash + 1);
    rest.resize(hash);
  }
  if (const std::size_t q = rest.find('?'); q != std::string::npos) {
    p.query = rest.substr(q + 1);
    rest.resize(q);
  }
  p.path = rest.empty() ? "/" : rest;
  return p;
}

std::string join_url(const UrlParts& p) {
  return p.scheme + "://" + p.host + p.path + (p.query.empty() ? "" : "?" + p.query) +
         (p.fragment.empty() ? "" : "#" + p.fragment);
}

/// As refs stores a URL identifier.
std::string normalised(const std::string& url) {
  auto parsed = classify::parse_url(url);
  return parsed ? parsed->normalised : url;
}

/// Claims the URL's host without www./m./mobile./amp. and its path without a
/// final slash: no URL variant of one work can then be another work's URL.
bool claim_url(Gen& g, const std::string& url) {
  UrlParts p = split_url(recase(url, false));
  for (std::string_view prefix : {"www.", "m.", "mobile.", "amp."}) {
    p.host = p.host.starts_with(prefix) ? p.host.substr(prefix.size()) : p.host;
  }
  while (p.path.size() > 1 && p.path.back() == '/') {
    p.path.pop_back();
  }
  return claim(g, "url " + p.host + p.path + "?" + p.query);
}

/// Fills a URL pattern until no other work has the URL; returns it normalised.
std::string fresh_url(Gen& g, const std::string& pattern, const Date& d, std::string slug = "") {
  for (;;) {
    if (std::string url = fill(g, pattern, d, slug); claim_url(g, url)) {
      return normalised(url);
    }
    slug += fill(g, "-#"); // slugs of long titles can meet
  }
}

std::string star(std::string_view pattern, const std::string& word) {
  std::string out;
  for (char c : pattern) {
    out += c == '*' ? word : std::string(1, c);
  }
  return out;
}

void build_sites(Gen& g) {
  std::unordered_set<std::string> hosts;
  while (g.sites.size() < 300) {
    const SiteForm& f = any(g, k_site_forms);
    std::string word = any(g, g.vocab);
    std::string cap = word;
    capitalise(cap);
    Site s{star(f.host, word), star(f.name, cap), std::string(f.type), star(f.path, word)};
    const bool plain =
        std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (plain && hosts.insert(s.host.substr(s.host.starts_with("www.") ? 4 : 0)).second) {
      g.sites.push_back(std::move(s));
    }
  }
}

// --- Works ------------------------------------------------------------------

/// What all citations of one work agree on before each source spells it.
struct Core {
  std::string title;
  std::vector<Person> authors;
  Date issued;
};

enum class Kind { arxiv, journal, conference, page };

Core make_core(Gen& g, Kind kind, bool persons) {
  Core c;
  c.title = fresh_title(g, chance(g, 5));
  const bool old = kind == Kind::arxiv && chance(g, 7); // old-style arXiv ids end in 2007
  const int first = old ? 1992 : kind == Kind::arxiv ? 2015 : kind == Kind::page ? 2008 : 1995;
  c.issued = Date{between(g, first, old ? 2006 : 2025), between(g, 1, 12), between(g, 1, 28)};
  if (kind == Kind::journal) {
    c.issued.day = 0; // Crossref often knows the month only
  }
  if (kind != Kind::page || persons || chance(g, 60)) {
    c.authors = authors(g, kind != Kind::page, persons);
  }
  return c;
}

/// Marks every field that has a value as coming from `source`.
void stamp(Citation& c, const std::string& source) {
  constexpr std::pair<const char*, std::string Citation::*> k_fields[] = {
      {"type", &Citation::type},
      {"title", &Citation::title},
      {"container-title", &Citation::container_title},
      {"volume", &Citation::volume},
      {"issue", &Citation::issue},
      {"page", &Citation::page},
      {"publisher", &Citation::publisher},
      {"number", &Citation::number},
      {"DOI", &Citation::doi},
      {"URL", &Citation::url},
      {"primary-class", &Citation::primary_class},
      {"journal-ref", &Citation::journal_ref},
      {"comment", &Citation::comment},
      {"categories", &Citation::categories}};
  c.sources.clear();
  for (const auto& [name, field] : k_fields) {
    if (!(c.*field).empty()) {
      c.sources[name] = source;
    }
  }
  if (!c.authors.empty()) {
    c.sources["author"] = source;
  }
  if (c.issued.known()) {
    c.sources["issued"] = source;
  }
}

Citation from_core(const Core& core, std::string type) {
  Citation c;
  c.type = std::move(type);
  c.title = core.title;
  c.authors = core.authors;
  c.issued = core.issued;
  c.key_fixed = true;
  return c;
}

Citation arxiv_work(Gen& g, const Core& core) {
  std::string id;
  do { // an old-style id (before 2007) starts with its archive: hep-th/9901001
    id = core.issued.year < 2007 ? any(g, g.archives) : "";
    id += fill(g, id.empty() ? "'!.#####" : "/'!###", core.issued);
  } while (id.ends_with("000") || !claim(g, "arxiv " + id));
  Citation c = from_core(core, "article");
  c.publisher = "arXiv";
  c.number = "arXiv:" + id;
  c.doi = "10.48550/arXiv." + id;
  c.url = "https://arxiv.org/abs/" + id;
  c.primary_class =
      id.find('/') != std::string::npos ? id.substr(0, id.find('/')) : any(g, g.classes);
  c.categories = c.primary_class;
  if (const std::string& more = any(g, g.classes); more != c.primary_class && chance(g, 50)) {
    c.categories += " " + more;
  }
  c.comment = chance(g, 30) ? fill(g, "1# pages, # figures") : "";
  c.ids = {{IdKind::arxiv, id}, {IdKind::url, c.url}};
  claim_url(g, c.url);
  stamp(c, "arxiv");
  return c;
}

Citation venue_work(Gen& g, const Core& core, const Venue& v, std::string type) {
  Citation c = from_core(core, std::move(type));
  c.container_title = fill(g, v.name, core.issued);
  c.publisher = v.publisher;
  if (v.doi.empty()) {
    c.url = fresh_url(g, std::string(v.landing), core.issued);
    c.ids = {{IdKind::url, c.url}};
    stamp(c, "highwire");
    return c;
  }
  do {
    c.doi = fill(g, v.doi, core.issued);
  } while (!claim(g, "doi " + recase(c.doi, false)));
  c.url = normalised("https://doi.org/" + c.doi);
  claim_url(g, c.url);
  c.ids = {{IdKind::doi, recase(c.doi, false)}, {IdKind::url, c.url}};
  if (c.type == "article-journal") {
    c.volume = std::to_string(between(g, 1, 400));
    c.issue = std::to_string(between(g, 1, 12));
    const int first = between(g, 1, 2000);
    c.page = chance(g, 60) ? std::to_string(first) + "-" + std::to_string(first + 12)
                           : fill(g, "e#######");
  }
  stamp(c, "doi");
  return c;
}

Citation page_work(Gen& g, const Core& core, const Site& site, const std::string& source) {
  Citation c = from_core(core, site.type);
  if (source == "title") { // the page had a <title> and nothing else
    c.authors.clear();
    c.issued = Date{};
  } else {
    c.container_title = site.name;
  }
  const std::string scheme = chance(g, 8) ? "http://" : "https://";
  const std::string words = slug(core.title).empty() ? fill(g, "#######") : slug(core.title);
  c.url = fresh_url(g, scheme + site.host + site.path, core.issued, words);
  c.ids = {{IdKind::url, c.url}};
  stamp(c, source);
  return c;
}

std::string page_source(Gen& g, const Core& core) {
  constexpr std::array k_authored = {"highwire", "json-ld", "opengraph"};
  constexpr std::array k_plain = {"json-ld", "opengraph", "title"};
  return core.authors.empty() ? any(g, k_plain) : any(g, k_authored);
}

Citation make_work(Gen& g, Kind kind, const Core& core) {
  switch (kind) {
  case Kind::arxiv:
    return arxiv_work(g, core);
  case Kind::journal:
    return venue_work(g, core, any(g, k_journals), "article-journal");
  case Kind::conference:
    return venue_work(g, core, any(g, k_conferences), "paper-conference");
  default:
    break;
  }
  const Site& site = any(g, g.sites);
  return page_work(g, core, site, page_source(g, core));
}

Kind paper_kind(Gen& g) {
  const std::size_t r = pick(g, 20);
  return r < 8 ? Kind::arxiv : r < 18 ? Kind::journal : Kind::conference;
}

Citation random_work(Gen& g, Kind kind, bool persons) {
  return make_work(g, kind, make_core(g, kind, persons));
}

// --- URL variants -----------------------------------------------------------

void vary_host(Gen& g, UrlParts& p) {
  const std::string bare = p.host.starts_with("www.") ? p.host.substr(4) : p.host;
  const bool apex = std::count(bare.begin(), bare.end(), '.') == 1;
  switch (pick(g, 4)) {
  case 0:
    p.host = p.host != bare ? bare : apex ? "www." + bare : bare;
    break;
  case 1:
    p.host = "m." + bare;
    break;
  case 2:
    p.host = "mobile." + bare;
    break;
  default:
    p.host = "amp." + bare;
  }
}

void vary_path_and_query(Gen& g, UrlParts& p) {
  if (chance(g, 30) && p.path != "/") {
    p.path = p.path.back() == '/' ? p.path.substr(0, p.path.size() - 1) : p.path + "/";
  }
  if (const std::size_t at = p.path.find_first_of("-~"); chance(g, 10)) {
    // An unreserved character percent-encoded: the same URL (RFC 3986 §6.2.2.2).
    p.path = at == std::string::npos ? replace_first(p.path, "a", "%61")
                                     : p.path.replace(at, 1, p.path[at] == '-' ? "%2D" : "%7E");
  }
  if (chance(g, 8)) {
    p.path += p.path.back() == '/' ? "amp/" : chance(g, 50) ? "/amp" : "/amp/";
  }
  for (int n = chance(g, 35) ? between(g, 1, 3) : 0; n > 0; --n) {
    const std::string tracker = fill(g, any(g, g.trackers));
    const bool front = !p.query.empty() && chance(g, 30);
    p.query = p.query.empty() ? tracker : front ? tracker + "&" + p.query : p.query + "&" + tracker;
  }
  if (chance(g, 5)) {
    p.query += (p.query.empty() ? "" : "&") + std::string(chance(g, 50) ? "amp" : "amp=1");
  }
}

/// Google's AMP cache URL of the page (https://developers.google.com/amp/cache/overview).
void to_amp_cache(UrlParts& p) {
  std::string label;
  for (char c : p.host) {
    label += c == '-' ? "--" : c == '.' ? "-" : std::string(1, c);
  }
  p.path = (p.scheme == "https" ? "/c/s/" : "/c/") + p.host + p.path;
  p.host = label + ".cdn.ampproject.org";
  p.scheme = "https";
}

/// A URL of the same page that refs does not store as `base`.
std::string url_variant(Gen& g, const std::string& base) {
  for (;;) {
    UrlParts p = split_url(base);
    if (chance(g, 45)) {
      vary_host(g, p);
    }
    if (chance(g, 30)) {
      p.scheme = p.scheme == "https" ? "http" : "https";
    }
    vary_path_and_query(g, p);
    p.fragment = chance(g, 20) ? any(g, g.fragments) : "";
    if (chance(g, 5)) {
      to_amp_cache(p);
    } else if (chance(g, 10)) {
      p.host = chance(g, 50) ? recase(p.host, true)
                             : recase(p.host.substr(0, 1), true) + p.host.substr(1);
    }
    if (std::string v = join_url(p); normalised(v) != base) {
      return v;
    }
  }
}

// --- Planted pairs ----------------------------------------------------------

using Pair = std::pair<Citation, Citation>;

Pair plant_url(Gen& g) {
  Citation base = random_work(g, Kind::page, false);
  Citation dup = base;
  std::string source = base.sources["type"]; // the page, fetched at the variant
  if (chance(g, 50)) {                       // or only the post's link text
    dup = Citation{};
    dup.type = "webpage";
    dup.title = link_text(g, base.title);
    dup.key_fixed = true;
    source = "post";
  }
  dup.url = normalised(url_variant(g, base.url));
  dup.ids = {{IdKind::url, dup.url}};
  stamp(dup, source);
  return {base, dup};
}

Pair plant_arxiv_form(Gen& g) {
  Citation base = random_work(g, Kind::arxiv, false);
  const std::string id = base.number.substr(6), v = "v" + std::to_string(between(g, 1, 4));
  const std::array<std::string, 6> forms = {
      "https://arxiv.org/pdf/" + id + v,      "https://arxiv.org/pdf/" + id + ".pdf",
      "https://doi.org/10.48550/arXiv." + id, "https://arxiv.org/html/" + id + v,
      "https://huggingface.co/papers/" + id,  "https://www.alphaxiv.org/abs/" + id};
  const bool old = id.find('/') != std::string::npos; // no html, HF or alphaXiv pages
  Citation dup = base;
  dup.ids = {{IdKind::arxiv, id}, {IdKind::url, normalised(forms[pick(g, old ? 3 : 6)])}};
  return {base, dup};
}

Pair plant_published(Gen& g) {
  Core core = make_core(g, Kind::arxiv, true);
  core.issued.year = std::min(core.issued.year, 2024);
  Citation pre = arxiv_work(g, core);
  core.title = chance(g, 50) ? core.title : edited_title(g, core.title);
  const int later = chance(g, 50);
  core.issued = Date{core.issued.year + later, between(g, later ? 1 : core.issued.month, 12), 0};
  Citation pub = make_work(g, Kind::journal, core);
  pre.journal_ref = pub.container_title + " " + pub.volume + ", " + pub.page + " (" +
                    std::to_string(core.issued.year) + ")";
  pre.ids.push_back({IdKind::doi, recase(pub.doi, false)});
  stamp(pre, "arxiv");
  return chance(g, 50) ? Pair{pre, pub} : Pair{pub, pre};
}

Pair plant_title(Gen& g) {
  Citation base = random_work(g, paper_kind(g), true);
  const Repository& r = any(g, k_repositories);
  Citation dup = from_core({title_variant(g, base.title), base.authors, base.issued}, base.type);
  dup.type = chance(g, 50) ? base.type : "webpage";
  dup.authors = chance(g, 30) ? with_initials(base.authors) : base.authors;
  dup.issued = Date{base.issued.year, chance(g, 50) ? base.issued.month : 0, 0};
  dup.container_title = r.name;
  dup.url = fresh_url(g, std::string(r.url), base.issued);
  dup.ids = {{IdKind::url, dup.url}};
  stamp(dup, chance(g, 50) ? "highwire" : "json-ld");
  return {base, dup};
}

Pair plant_doi_title(Gen& g) {
  const Venue& v = any(g, k_journals);
  Citation base = venue_work(g, make_core(g, Kind::journal, true), v, "article-journal");
  Citation dup = base;
  dup.title = changed_title(g, base.title);
  dup.doi = chance(g, 40) ? recase(base.doi, true) : base.doi;
  dup.url = normalised("https://" + std::string(v.landing) + "/doi/" + base.doi);
  dup.ids = {{IdKind::doi, recase(base.doi, false)}, {IdKind::url, dup.url}};
  stamp(dup, chance(g, 50) ? "highwire" : "json-ld");
  return {base, dup};
}

Citation report(Gen& g, const Org& org, const std::string& title, bool webpage, int year) {
  const Date issued{year, between(g, 1, 12), 0};
  Citation c = from_core({title, {Person{"", "", std::string(org.name)}}, issued},
                         webpage ? "webpage" : "report");
  (webpage ? c.container_title : c.publisher) = org.name;
  c.url = fresh_url(g, "https://" + std::string(org.host) + "/reports/$-@", issued, slug(title));
  c.ids = {{IdKind::url, c.url}};
  stamp(c, chance(g, 50) ? "json-ld" : "highwire");
  return c;
}

Pair plant_annual(Gen& g) {
  constexpr std::array k_forms = {"Annual Report on ", "The State of ", "Outlook: ", "Trends in "};
  std::string title;
  do {
    Words topic = {any(g, g.vocab)};
    topic.push_back(any(g, g.vocab));
    std::for_each(topic.begin(), topic.end(), capitalise);
    title = any(g, k_forms);
    title += join(topic, chance(g, 50) ? " and " : " ");
  } while (!claim_title(g, title));
  const Org& org = any(g, k_orgs);
  const bool webpage = chance(g, 50);
  const int year = between(g, 2012, 2022);
  Citation first = report(g, org, title, webpage, year);
  return {std::move(first), report(g, org, title, webpage, year + between(g, 1, 3))};
}

/// Two titles of one series, different only in their number.
std::pair<std::string, std::string> part_titles(Gen& g) {
  constexpr std::array k_roman = {"I", "II", "III", "IV", "V"};
  for (;;) {
    const int n = between(g, 1, 4);
    const std::size_t style = pick(g, 5);
    const std::string stem = style == 4 ? korean_title(g) : english_title(g);
    const std::string model = any(g, std::array{"GPT-", "Llama ", "Claude ", "Gemini ", "Phi-"});
    std::array<std::string, 2> t;
    for (int i = 0; i < 2; ++i) {
      const std::string k = std::to_string(n + i);
      t[i] = style == 0   ? stem + ", Part " + k
             : style == 1 ? stem + " v" + k
             : style == 2 ? model + k + ": " + stem
             : style == 3 ? stem + ", Volume " + k_roman[n + i - 1]
                          : stem + " " + k + "부";
    }
    if (claim_title(g, t[0]) && claim_title(g, t[1])) {
      return {t[0], t[1]};
    }
  }
}

Pair plant_part(Gen& g) {
  const Kind kind = chance(g, 50) ? Kind::page : Kind::arxiv;
  Core core = make_core(g, kind, true);
  const auto [first, second] = part_titles(g);
  const Site& site = any(g, g.sites); // a series stays on one site
  const std::string source = page_source(g, core);
  core.title = first;
  Citation a = kind == Kind::page ? page_work(g, core, site, source) : arxiv_work(g, core);
  core.title = second;
  core.issued.month = between(g, core.issued.month, 12);
  Citation b = kind == Kind::page ? page_work(g, core, site, source) : arxiv_work(g, core);
  return {a, b};
}

Pair plant_author(Gen& g) {
  const Kind kind = chance(g, 25) ? Kind::page : paper_kind(g);
  Core core = make_core(g, kind, true);
  Citation a = make_work(g, kind, core);
  std::vector<Person> others = chance(g, 50) ? authors(g, kind != Kind::page, true) : core.authors;
  while (others[0].family == core.authors[0].family) {
    others[0] = person(g);
  }
  core.authors = others;
  core.issued.month = between(g, 1, 12);
  return {a, make_work(g, kind, core)};
}

struct Planter {
  const char* kind;
  unsigned share; ///< percent of its group
  Pair (*plant)(Gen&);
};
constexpr Planter k_duplicates[] = {{"url", 30, plant_url},
                                    {"arxiv-form", 20, plant_arxiv_form},
                                    {"preprint-published", 15, plant_published},
                                    {"title", 20, plant_title},
                                    {"doi-title", 15, plant_doi_title}};
constexpr Planter k_traps[] = {
    {"annual", 40, plant_annual}, {"part", 30, plant_part}, {"author", 30, plant_author}};

// --- Assembly ---------------------------------------------------------------

std::size_t add(DedupeCorpus& out, Citation c, std::optional<std::size_t> work) {
  out.citations.push_back(std::move(c));
  out.work.push_back(work.value_or(out.citations.size() - 1));
  return out.citations.size() - 1;
}

/// Plants `total` pairs, split by the planters' shares (largest remainder).
template <std::size_t N>
void plant(Gen& g, DedupeCorpus& out, const Planter (&planters)[N], std::size_t total,
           bool same_work, std::vector<PlantedPair>& pairs) {
  std::array<std::size_t, N> count{}, rest{};
  for (std::size_t k = 0; k < N; ++k) {
    count[k] = total * planters[k].share / 100;
    rest[k] = total * planters[k].share % 100;
  }
  for (std::size_t left = total - std::accumulate(count.begin(), count.end(), std::size_t{0});
       left > 0; --left) {
    const std::size_t k = std::max_element(rest.begin(), rest.end()) - rest.begin();
    ++count[k];
    rest[k] = 0;
  }
  for (std::size_t k = 0; k < N; ++k) {
    for (std::size_t i = 0; i < count[k]; ++i) {
      auto [a, b] = planters[k].plant(g);
      const std::size_t ia = add(out, std::move(a), std::nullopt);
      const std::size_t ib = add(out, std::move(b), same_work ? std::optional(ia) : std::nullopt);
      pairs.push_back(PlantedPair{ia, ib, planters[k].kind});
    }
  }
}

/// "2024-01-01T00:00:00Z" plus `seconds` (civil_from_days, after Howard Hinnant).
std::string timestamp(std::size_t seconds) {
  const std::size_t z = 19723 + seconds / 86400 + 719468, era = z / 146097, doe = z - era * 146097;
  const std::size_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::size_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1),
            month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int s = static_cast<int>(seconds % 86400);
  return std::to_string(yoe + era * 400 + (month <= 2)) + "-" + two(month) + "-" + two(day) + "T" +
         two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60) + "Z";
}

/// Shuffles, moving the second of a pair that landed next to its first, and
/// gives keys and timestamps in the final order.
DedupeCorpus shuffled(Gen& g, DedupeCorpus in) {
  const std::size_t n = in.citations.size();
  std::vector<std::size_t> order(n), pos(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  shuffle(g, order);
  for (std::size_t i = 0; i < n; ++i) {
    pos[order[i]] = i;
  }
  for (int pass = 0; pass < 8 && n > 4; ++pass) {
    bool moved = false;
    for (const auto* pairs : {&in.duplicates, &in.traps}) {
      for (const PlantedPair& p : *pairs) {
        if (const std::size_t at = pos[p.b], there = (at + n / 2) % n;
            pos[p.a] + 1 == at || at + 1 == pos[p.a]) {
          std::swap(order[at], order[there]);
          std::swap(pos[order[at]], pos[order[there]]);
          moved = true;
        }
      }
    }
    if (!moved) {
      break;
    }
  }
  DedupeCorpus out;
  for (std::size_t i = 0; i < n; ++i) {
    Citation& c = out.citations.emplace_back(std::move(in.citations[order[i]]));
    out.work.push_back(in.work[order[i]]);
    char key[32];
    std::snprintf(key, sizeof key, "c%06zu", i + 1);
    c.key = key;
    c.created = c.updated = timestamp(i);
  }
  for (const PlantedPair& p : in.duplicates) {
    out.duplicates.push_back(PlantedPair{pos[p.a], pos[p.b], p.kind});
  }
  for (const PlantedPair& p : in.traps) {
    out.traps.push_back(PlantedPair{pos[p.a], pos[p.b], p.kind});
  }
  return out;
}

} // namespace

DedupeCorpus make_dedupe_corpus(std::size_t size, std::uint64_t seed) {
  Gen g;
  g.rng.seed(seed);
  const std::pair<Words*, std::string_view> lists[] = {
      {&g.vocab, k_vocab},       {&g.names, k_names},         {&g.korean, k_korean},
      {&g.small, k_small},       {&g.given, k_given},         {&g.classes, k_classes},
      {&g.archives, k_archives}, {&g.fragments, k_fragments}, {&g.trackers, k_trackers}};
  for (const auto& [list, text] : lists) {
    *list = words_of(text);
  }
  build_families(g);
  build_sites(g);
  DedupeCorpus out;
  const std::size_t duplicates = (size * 5 + 50) / 100, traps = (size + 50) / 100;
  plant(g, out, k_traps, traps, false, out.traps);
  plant(g, out, k_duplicates, duplicates, true, out.duplicates);
  while (out.citations.size() < size) {
    const std::size_t r = pick(g, 100);
    const Kind kind = r < 35   ? Kind::arxiv
                      : r < 65 ? Kind::journal
                      : r < 70 ? Kind::conference
                               : Kind::page;
    add(out, random_work(g, kind, false), std::nullopt);
  }
  return shuffled(g, std::move(out));
}

} // namespace refs::bench
