#include "tests/bench/dedupe_corpus.hpp"

#include "core/classify/url.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <numeric>
#include <optional>
#include <random>
#include <span>
#include <string_view>
#include <unordered_set>
#include <utility>

// The word lists make this file longer than our usual 400 lines; they are
// data, and splitting them out would add a header that nothing else uses.

namespace refs::bench {

namespace {

using model::Citation;
using model::Date;
using model::IdKind;
using model::Person;
using List = std::span<const std::string_view>;

constexpr std::string_view k_vocab[] = {
    "learning", "language", "models", "large", "efficient", "scaling", "attention", "context",
    "window", "extension", "neural", "networks", "deep", "reinforcement", "policy", "optimization",
    "gradient", "descent", "stochastic", "training", "inference", "data", "dataset", "benchmark",
    "evaluation", "reasoning", "chain", "thought", "prompting", "instruction", "tuning", "alignment",
    "human", "feedback", "preference", "reward", "safety", "robustness", "adversarial", "attacks",
    "defense", "privacy", "federated", "distributed", "parallel", "memory", "compute", "hardware",
    "accelerators", "sparse", "dense", "mixture", "experts", "retrieval", "augmented", "generation",
    "text", "image", "video", "audio", "speech", "recognition", "translation", "summarization",
    "question", "answering", "dialogue", "agents", "planning", "tool", "code", "program", "synthesis",
    "mathematical", "theorem", "proving", "graph", "knowledge", "representation", "embeddings",
    "vector", "search", "ranking", "recommendation", "systems", "survey", "review", "analysis",
    "study", "approach", "framework", "methods", "towards", "understanding", "emergent", "abilities",
    "capabilities", "limits", "risks", "impact", "future", "frontier", "open", "weights",
    "quantization", "distillation", "pruning", "compression", "rank", "adaptation", "grained", "zero",
    "shot", "multimodal", "vision", "perception", "robotics", "manipulation", "navigation",
    "control", "dynamics", "simulation", "physics", "climate", "weather", "forecasting",
    "precipitation", "protein", "structure", "prediction", "molecular", "drug", "discovery",
    "genomics", "cells", "medical", "clinical", "diagnosis", "health", "brain", "cognitive",
    "economic", "labor", "market", "government", "election", "court", "ruling", "startup", "funding",
    "billion", "company", "investors", "regulation", "law", "europe", "china", "korea", "california",
    "city", "energy", "solar", "battery", "electric", "vehicles", "autonomous", "driving", "chips",
    "semiconductor", "supply", "crisis", "inflation", "growth", "global", "state", "new", "first",
    "better", "faster", "cheaper", "simple", "scalable", "universal", "general", "generalist",
    "hidden", "secret", "lessons", "guide", "introduction", "primer", "tutorial", "notes",
    "thoughts", "why", "how", "what", "matters", "works", "fails", "beyond", "rethinking",
    "revisiting", "exploring", "measuring", "evaluating", "improving", "building", "unlocking",
    "trust", "interpretability", "mechanistic", "circuits", "features", "neurons", "superposition",
    "autoencoders", "tokens", "tokenizer", "vocabulary", "positional", "encoding", "rotary", "long",
    "short", "sequence", "recurrent", "space", "linear", "quadratic", "complexity", "theory",
    "bounds", "convergence", "generalization", "overfitting", "regularization", "uncertainty",
    "calibration", "bayesian", "probabilistic", "causal", "diffusion", "transformers", "latent",
    "variational", "contrastive", "supervised", "unsupervised", "pretraining", "finetuning",
    "curriculum", "synthetic", "scientific", "papers", "citations", "software", "engineering",
    "developers", "productivity", "education", "students", "teachers", "writing", "creativity",
    "music", "art", "games", "chess", "poker", "strategy", "cooperation", "competition", "society",
    "ethics", "bias", "fairness", "misinformation", "elections", "democracy", "media", "news",
    "journalism", "copyright", "lawsuit", "open-source", "cloud", "datacenter", "power", "water",
    "carbon", "emissions", "efficiency", "cost", "price", "revenue", "chatbot", "assistant",
    "search-engine", "browser", "mobile", "phones", "wearables", "glasses", "satellite", "orbit",
    "rocket", "quantum", "error", "correction", "qubits", "materials", "fusion", "naïve", "café",
    "rôle", "résumé", "façade", "Gödel", "Schrödinger", "Poincaré", "Erdős", "Zürich", "Montréal",
    "world's", "don't", "it's", "what's"};

constexpr std::string_view k_small[] = {"a", "an", "and", "the", "of", "for", "in",
                                        "on", "with", "to", "from", "by", "via"};

constexpr std::string_view k_names[] = {
    "GPT-4", "GPT-3", "YaRN", "LLaMA", "BERT", "MetNet-3", "RoBERTa", "T5", "PaLM", "Gemini",
    "AlphaFold", "AlphaGo", "DALL-E", "Mamba", "Mixtral", "ResNet", "ViT", "CLIP", "LoRA", "QLoRA",
    "RLHF", "FlashAttention", "Transformer-XL", "Whisper", "Codex", "Chinchilla", "Sora", "Phi-2",
    "Qwen", "DeepSeek", "Falcon", "BLOOM", "XLNet", "ELECTRA", "GraphCast", "WaveNet", "MuZero",
    "StarCoder", "LLaVA", "NeRF", "DINOv2", "ControlNet", "U-Net", "YOLOv8", "PyTorch", "JAX",
    "CUDA", "WebAssembly", "Kubernetes", "LLMs", "AI", "NLP", "GPU", "TPU", "RAG", "MoE", "RISC-V",
    "5G", "COVID-19", "mRNA", "CRISPR"};

constexpr std::string_view k_korean[] = {
    "인공지능", "언어", "모델", "대규모", "학습", "데이터", "분석", "연구", "기술", "미래",
    "사회", "경제", "정책", "교육", "의료", "자율주행", "반도체", "시장", "기업", "산업",
    "혁신", "보안", "개인정보", "윤리", "규제", "정부", "발표", "전망", "보고서", "한국",
    "서울", "세계", "글로벌", "생성형", "챗봇", "검색", "추천", "시스템", "알고리즘", "신경망",
    "딥러닝", "머신러닝", "강화학습", "자연어", "처리", "이미지", "음성", "인식", "번역", "요약",
    "질문", "답변", "평가", "벤치마크", "성능", "효율", "최적화", "확장", "클라우드", "컴퓨팅",
    "하드웨어", "칩", "전력", "에너지", "기후", "변화", "환경", "건강", "병원", "진단",
    "신약", "개발", "스타트업", "투자", "일자리", "노동", "새로운", "방법", "이해", "사례"};

constexpr std::string_view k_common_families[] = {
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Smith", "Johnson", "Williams",
    "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Martin",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "García", "Rodríguez", "Martínez",
    "López", "González", "Nguyen", "Tran", "Pham", "Singh", "Kumar", "Sharma", "Patel", "Gupta",
    "Tanaka", "Suzuki", "Sato", "Watanabe", "Rossi", "Russo", "Dubois", "Bernard", "Silva",
    "Santos", "Ivanov", "Kowalski", "Cohen", "Levy", "Andersson", "Nielsen", "Jansen", "de Vries"};

// Made-up family names are heads × tails: several thousand, so that rare
// names stay rare while the common ones above form big blocks.
constexpr std::string_view k_name_heads[] = {
    "Al", "Bar", "Ber", "Bran", "Cal", "Car", "Dal", "Dor", "El", "Fal", "Fen", "Gar", "Gol",
    "Hal", "Har", "Hol", "Ka", "Kel", "Kor", "Lan", "Lar", "Lind", "Mar", "Mer", "Mor", "Nor",
    "Ol", "Os", "Pal", "Pen", "Quin", "Ra", "Ren", "Ros", "Sal", "Sel", "Sto", "Tal", "Ter", "Tor",
    "Ul", "Van", "Vel", "Wal", "Wen", "Wil", "Yar", "Zel", "Ash", "Bro", "Cro", "Dra", "Fro", "Gri",
    "Hu", "Ing", "Ja", "Kra", "Lu", "Mo", "Na", "Pe", "Ri", "Su"};
constexpr std::string_view k_name_tails[] = {
    "berg", "son", "sen", "ner", "man", "mann", "ley", "ton", "well", "wood", "field", "ford",
    "ski", "ova", "enko", "ini", "etti", "ez", "ard", "ois", "stra", "sma", "ling", "dahl",
    "ström", "holm", "vik", "ka", "ta", "moto", "yama", "kawa", "shima", "no", "ra", "ri",
    "ro", "mi", "er", "el", "ian", "yan", "ov", "ic", "ak", "as", "os", "us"};

constexpr std::string_view k_given[] = {
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Sarah", "Daniel", "Emily", "Thomas", "Anna", "Alexander", "Sophie",
    "Lukas", "Hannah", "Jonas", "Lea", "Pierre", "Camille", "Luca", "Giulia", "Alejandro", "Lucía",
    "José", "María", "João", "Ivan", "Olga", "Piotr", "Agnieszka", "Søren", "Ingrid", "Jürgen",
    "Zoë", "François", "Chloé", "Wei", "Jing", "Xiaoming", "Yue", "Hao", "Lei", "Yan", "Jun",
    "Min", "Hui", "Tao", "Xin", "Yu", "Ming", "Jie", "Ying", "Min-jun", "Ji-woo", "Seo-yeon",
    "Hyun-woo", "Ji-hoon", "Soo-jin", "Hiroshi", "Yuki", "Takeshi", "Aiko", "Kenji", "Arjun",
    "Priya", "Rahul", "Ananya", "Vikram", "Minh", "Linh", "Duc", "Thao", "Mohammed", "Fatima",
    "Omar", "Layla", "Kwame", "Amara", "Chinedu", "Ngozi", "Tomás", "Iñaki", "Noam", "Yael"};

struct Org {
  std::string_view name;
  std::string_view host;
};
constexpr Org k_orgs[] = {
    {"OpenAI", "openai.com"}, {"Google DeepMind", "deepmind.google"},
    {"Microsoft Research AI4Science", "www.microsoft.com"}, {"Meta AI", "ai.meta.com"},
    {"World Economic Forum", "www.weforum.org"}, {"OECD", "www.oecd.org"},
    {"European Commission", "commission.europa.eu"}, {"Stanford HAI", "hai.stanford.edu"},
    {"McKinsey & Company", "www.mckinsey.com"}, {"International Energy Agency", "www.iea.org"},
    {"World Health Organization", "www.who.int"}, {"Epoch AI", "epoch.ai"},
    {"Allen Institute for AI", "allenai.org"}, {"Pew Research Center", "www.pewresearch.org"},
    {"Bank of Korea", "www.bok.or.kr"}, {"Mozilla Foundation", "foundation.mozilla.org"}};

// Patterns: '#' a digit, '^' a hex digit, '&' a letter, '%' the 2-digit year, '@' the year.
struct Venue {
  std::string_view name;
  std::string_view publisher;
  std::string_view doi;     ///< DOI pattern, or "" when the venue has none
  std::string_view landing; ///< publisher host, or the URL pattern when there is no DOI
};
constexpr Venue k_journals[] = {
    {"Nature", "Springer Nature", "10.1038/s41586-0%-#####-#", "www.nature.com"},
    {"Scientific Reports", "Springer Nature", "10.1038/s41598-0%-#####-#", "www.nature.com"},
    {"Science", "American Association for the Advancement of Science", "10.1126/science.&&&####",
     "www.science.org"},
    {"Neural Networks", "Elsevier", "10.1016/j.neunet.@.##.###", "www.sciencedirect.com"},
    {"The Lancet", "Elsevier", "10.1016/S0140-6736(%)#####-#", "www.thelancet.com"},
    {"Cell", "Cell Press", "10.1016/j.cell.@.##.###", "www.cell.com"},
    {"Physical Review Letters", "American Physical Society", "10.1103/PhysRevLett.1##.######",
     "journals.aps.org"},
    {"PLOS ONE", "Public Library of Science", "10.1371/journal.pone.0######", "journals.plos.org"},
    {"Communications of the ACM", "ACM", "10.1145/3######", "dl.acm.org"},
    {"IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE",
     "10.1109/TPAMI.@.#######", "ieeexplore.ieee.org"},
    {"Machine Learning", "Springer", "10.1007/s10994-0%-#####-#", "link.springer.com"},
    {"Transactions of the Association for Computational Linguistics", "MIT Press",
     "10.1162/tacl_a_00###", "direct.mit.edu"},
    {"Cognitive Science", "Wiley", "10.1111/cogs.1####", "onlinelibrary.wiley.com"},
    {"Bioinformatics", "Oxford University Press", "10.1093/bioinformatics/btad###",
     "academic.oup.com"},
    {"Journal of the Korean Physical Society", "Springer", "10.1007/s40042-0%-#####-#",
     "link.springer.com"}};
constexpr Venue k_conferences[] = {
    {"Proceedings of the @ Conference on Empirical Methods in Natural Language Processing",
     "Association for Computational Linguistics", "10.18653/v1/@.emnlp-main.###", ""},
    {"Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
     "IEEE", "10.1109/CVPR5####.@.#####", ""},
    {"Proceedings of the @ CHI Conference on Human Factors in Computing Systems", "ACM",
     "10.1145/3######.3######", ""},
    {"Proceedings of the International Conference on Machine Learning (ICML @)", "PMLR", "",
     "https://proceedings.mlr.press/v2##/&&&&&&%a.html"},
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
    {"Apollo", "https://www.repository.cam.ac.uk/handle/1810/3#####"},
    {"KAIST Repository", "https://koasas.kaist.ac.kr/handle/10203/1#####"},
    {"Europe PMC", "https://europepmc.org/article/MED/3#######"}};

constexpr std::string_view k_classes[] = {
    "cs.CL", "cs.LG", "cs.CV", "cs.AI", "stat.ML", "cs.RO", "cs.CR", "cs.IR", "cs.SE",
    "quant-ph", "hep-th", "astro-ph.GA", "math.OC", "cond-mat.stat-mech", "q-bio.NC", "eess.AS"};
constexpr std::string_view k_old_archives[] = {"hep-th", "hep-ph", "astro-ph", "cond-mat",
                                               "quant-ph", "gr-qc", "math", "cs"};
constexpr std::string_view k_trackers[] = {"utm_source", "utm_medium", "utm_campaign", "fbclid",
                                           "gclid", "mc_cid", "mc_eid", "ref_src", "igshid", "spm"};
constexpr std::string_view k_fragments[] = {"comments", "top", "section-2", "references",
                                            ":~:text=language%20models", "introduction"};
constexpr std::string_view k_subtitles[] = {"A Survey", "A Systematic Review", "Evidence from Korea",
                                            "A Case Study", "Theory and Practice",
                                            "An Empirical Study", "Extended Version"};

// --- Randomness -------------------------------------------------------------

enum class PathStyle { dated, numeric, query_id, substack, wp_query, slug_dir, video, tilde };

struct Site {
  std::string host;
  std::string name;
  std::string type; ///< CSL type of its pages
  PathStyle path = PathStyle::slug_dir;
};

/// Everything the generator draws from, and what it has handed out already.
struct Gen {
  std::mt19937_64 rng;
  std::unordered_set<std::string> titles; ///< folded titles of distinct works
  std::unordered_set<std::string> urls;   ///< loose URL keys of distinct works
  std::unordered_set<std::string> arxiv_ids;
  std::unordered_set<std::string> dois; ///< lower-case
  std::vector<std::string> families;    ///< by rank, most common first
  std::vector<std::uint64_t> family_cdf;
  std::vector<Site> sites;
};

// Draws are never two operands of one expression (a + b, f(a, b)): their
// order is unspecified, and g++ and clang do pick different orders.

/// Uniform in [0, n). Rejection instead of std::uniform_int_distribution,
/// whose algorithm differs between libstdc++ and libc++.
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
std::string_view any(Gen& g, List list) { return list[pick(g, list.size())]; }
template <typename T, std::size_t N> const T& any_of(Gen& g, const T (&list)[N]) {
  return list[pick(g, N)];
}

/// Fisher–Yates with our pick; std::shuffle's order is library-specific.
template <typename T> void shuffle(Gen& g, std::vector<T>& v) {
  for (std::size_t i = v.size(); i > 1; --i) {
    std::swap(v[i - 1], v[pick(g, i)]);
  }
}

std::string digits(Gen& g, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += static_cast<char>('0' + pick(g, 10));
  }
  return out;
}

std::string two(int n) { return std::string(1, char('0' + n / 10 % 10)) + char('0' + n % 10); }

std::string fill(Gen& g, std::string_view pattern, int year) {
  std::string out;
  for (char c : pattern) {
    if (c == '#') {
      out += digits(g, 1);
    } else if (c == '^') {
      out += "0123456789abcdef"[pick(g, 16)];
    } else if (c == '&') {
      out += static_cast<char>('a' + pick(g, 26));
    } else if (c == '%') {
      out += two(year);
    } else if (c == '@') {
      out += std::to_string(year);
    } else {
      out += c;
    }
  }
  return out;
}

// --- Text -------------------------------------------------------------------

std::string lower(std::string s) {
  for (char& c : s) {
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return s;
}

std::string upper(std::string s) {
  for (char& c : s) {
    c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
  }
  return s;
}

void capitalise(std::string& w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') {
    w[0] = static_cast<char>(w[0] - 32);
  }
}

bool plain_ascii(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == ' ') {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& words, std::string_view sep = " ") {
  std::string out;
  for (const std::string& w : words) {
    out += (out.empty() ? "" : std::string(sep)) + w;
  }
  return out;
}

/// Lower-case ASCII letters and digits (and all non-ASCII bytes) with one
/// space between runs: two titles equal under this are one title to a reader.
std::string fold(std::string_view text) {
  std::string out;
  bool gap = false;
  for (unsigned char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!keep) {
      gap = !out.empty();
      continue;
    }
    out += gap ? " " : "";
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    gap = false;
  }
  return out;
}

bool claim_title(Gen& g, const std::string& title) { return g.titles.insert(fold(title)).second; }

std::string number_token(Gen& g) {
  switch (pick(g, 4)) {
  case 0:
    return std::to_string(between(g, 2000, 2025));
  case 1:
    return std::to_string(between(g, 2, 100));
  case 2:
    return std::to_string(between(g, 1, 70)) + "B";
  default:
    return std::string(any(g, std::array<std::string_view, 4>{"3D", "4K", "6G", "2.0"}));
  }
}

std::string english_title(Gen& g) {
  const std::size_t n = between(g, 4, 14);
  std::vector<std::string> w;
  if (chance(g, 18)) {
    w.push_back(std::string(any(g, k_names)) + ":");
  }
  while (w.size() < n) {
    const bool small = !w.empty() && w.size() + 1 < n && chance(g, 22);
    w.emplace_back(small ? any(g, k_small) : chance(g, 6) ? any(g, k_names) : any(g, k_vocab));
  }
  if (chance(g, 14)) {
    w[1 + pick(g, n - 1)] = number_token(g);
  }
  if (const std::size_t i = 1 + pick(g, n - 2); w[0].back() != ':' && chance(g, 15)) {
    w[i] += ":"; // a subtitle follows
  }
  const bool title_case = chance(g, 60);
  for (std::size_t i = 0; i < n; ++i) {
    const bool small = std::find(std::begin(k_small), std::end(k_small), w[i]) != std::end(k_small);
    if (i == 0 || w[i - 1].back() == ':' || (title_case && !small)) {
      capitalise(w[i]);
    }
  }
  return join(w);
}

std::string korean_title(Gen& g) {
  std::vector<std::string> w;
  if (chance(g, 30)) {
    w.emplace_back(any(g, k_names));
  }
  const std::size_t n = w.size() + between(g, 4, 8);
  while (w.size() < n) {
    w.emplace_back(any(g, k_korean));
  }
  return join(w);
}

bool is_korean(const std::string& title) {
  return std::any_of(title.begin(), title.end(), [](char c) { return (c & 0xF0) == 0xE0; });
}

/// A title no other work has, in the other language with `other_language`.
std::string fresh_title(Gen& g, const std::string& like = "", bool other_language = false) {
  for (;;) {
    const bool korean = like.empty() ? chance(g, 5) : is_korean(like) != other_language;
    std::string t = korean ? korean_title(g) : english_title(g);
    if (claim_title(g, t)) {
      return t;
    }
  }
}

/// A writer's own link text: other words for the same page.
std::string link_text(Gen& g, const std::string& title) {
  for (;;) {
    std::vector<std::string> w;
    for (int i = between(g, 3, 8); i > 0; --i) {
      w.emplace_back(is_korean(title) ? any(g, k_korean) : any(g, k_vocab));
    }
    capitalise(w[0]);
    if (std::string t = join(w); claim_title(g, t)) {
      return t;
    }
  }
}

// --- Title variants of one work --------------------------------------------

bool has_subtitle(const std::string& t) {
  const std::size_t colon = t.find(": ");
  return colon != std::string::npos && t.substr(0, colon).find(' ') != std::string::npos;
}

std::string replace_first(std::string t, std::string_view from, std::string_view to) {
  if (const std::size_t at = t.find(from); at != std::string::npos) {
    t.replace(at, from.size(), to);
  }
  return t;
}

/// One ASCII word of the title (if any), for the word-level variants.
std::size_t ascii_word(Gen& g, const std::vector<std::string>& w) {
  for (int tries = 0; tries < 8; ++tries) {
    if (const std::size_t i = pick(g, w.size()); w[i].find_first_of(":'\"") == std::string::npos &&
                                                  static_cast<unsigned char>(w[i][0]) < 0x80) {
      return i;
    }
  }
  return w.size();
}

/// ASCII letters and digits as FULLWIDTH forms (U+FF01...), other bytes kept.
std::string fullwidth(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c <= ' ' || c >= 0x7F) {
      out += c;
      continue;
    }
    const unsigned cp = 0xFF01 + static_cast<unsigned>(c - 0x21);
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
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

/// The same title as another catalogue writes it: recased, repunctuated,
/// or in other Unicode forms that NFKC folding and case folding undo.
std::string spelling_variant(Gen& g, const std::string& t) {
  std::vector<std::string> w = words_of(t);
  const std::size_t i = ascii_word(g, w);
  const std::size_t how = pick(g, 10);
  if (i < w.size() && how >= 4 && how <= 6) { // one word changes
    const bool curly = how == 5;
    w[i] = how == 4 ? fullwidth(w[i]) : (curly ? "\u201C" : "\"") + w[i] + (curly ? "\u201D" : "\"");
    return join(w);
  }
  switch (how) {
  case 0:
    return chance(g, 70) ? lower(t) : upper(t);
  case 1:
    std::for_each(w.begin(), w.end(), capitalise);
    return join(w);
  case 2:
    return replace_first(t, ": ", any(g, std::array<std::string_view, 3>{" - ", ". ", " : "}));
  case 3:
    return replace_first(t, ": ", chance(g, 50) ? " \u2013 " : " \u2014 ");
  case 7:
    return replace_first(replace_first(t, "fi", "\uFB01"), "fl", "\uFB02");
  case 8:
    return join(w, "\u00A0");
  default:
    return replace_first(decompose(t), "'", "\u2019");
  }
}

std::string title_variant(Gen& g, const std::string& t) {
  std::string v = t;
  while (v == t) {
    v = spelling_variant(g, t);
    if (chance(g, 30)) {
      v = spelling_variant(g, v);
    }
  }
  return v;
}

/// A slightly edited title (the published version of a preprint).
std::string edited_title(Gen& g, const std::string& t) {
  for (;;) {
    std::vector<std::string> w = words_of(t);
    if (has_subtitle(t) && chance(g, 50)) {
      w = words_of(t.substr(0, t.find(": ")));
    } else {
      const std::size_t i = 1 + pick(g, w.size() - 1);
      w[i] = is_korean(w[i]) ? any(g, k_korean) : any(g, k_vocab);
    }
    if (std::string e = join(w); e != t && claim_title(g, e)) {
      return e;
    }
  }
}

/// Another title for the same DOI: abbreviated, subtitled, or translated.
std::string changed_title(Gen& g, const std::string& t) {
  for (;;) {
    std::vector<std::string> w = words_of(t);
    std::string e;
    switch (pick(g, 4)) {
    case 0:
      w.resize(std::max<std::size_t>(3, w.size() * 2 / 3));
      e = join(w);
      break;
    case 1:
      e = t + ": " + std::string(any(g, k_subtitles));
      break;
    case 2:
      e = has_subtitle(t) ? t.substr(0, t.find(": ")) : t;
      break;
    default:
      return fresh_title(g, t, true);
    }
    if (e != t && claim_title(g, e)) {
      return e;
    }
  }
}

// --- People -----------------------------------------------------------------

void build_families(Gen& g) {
  g.families.assign(std::begin(k_common_families), std::end(k_common_families));
  std::unordered_set<std::string> seen(g.families.begin(), g.families.end());
  std::vector<std::string> made;
  for (std::string_view head : k_name_heads) {
    for (std::string_view tail : k_name_tails) {
      if (std::string name = std::string(head) + std::string(tail); seen.insert(name).second) {
        made.push_back(std::move(name));
      }
    }
  }
  shuffle(g, made); // so that rank does not follow the alphabet
  g.families.insert(g.families.end(), made.begin(), made.end());
  std::uint64_t total = 0;
  for (std::size_t rank = 0; rank < g.families.size(); ++rank) {
    total += 1'000'000'000 / (rank + 2); // Zipf-like, in integers to stay exact
    g.family_cdf.push_back(total);
  }
}

const std::string& family(Gen& g) {
  const std::uint64_t x = pick(g, g.family_cdf.back());
  const auto at = std::upper_bound(g.family_cdf.begin(), g.family_cdf.end(), x);
  return g.families[at - g.family_cdf.begin()];
}

Person person(Gen& g) { return Person{family(g), std::string(any(g, k_given)), ""}; }

std::vector<Person> authors(Gen& g, bool paper, bool persons) {
  if (!persons && chance(g, 3)) {
    return {Person{"", "", std::string(any_of(g, k_orgs).name)}};
  }
  constexpr int k_counts[] = {1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8};
  const int n = paper ? any_of(g, k_counts) : 1 + chance(g, 20);
  std::vector<Person> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(person(g));
  }
  return out;
}

std::string first_letter(const std::string& s) {
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
    ++n;
  }
  return s.substr(0, n);
}

std::vector<Person> with_initials(std::vector<Person> people) {
  for (Person& p : people) {
    p.given = p.given.empty() ? "" : first_letter(p.given) + ".";
  }
  return people;
}

// --- URLs -------------------------------------------------------------------

struct UrlParts {
  std::string scheme, host, path, query, fragment;
};

UrlParts split_url(const std::string& url) {
  UrlParts p;
  const std::size_t colon = url.find("://");
  p.scheme = url.substr(0, colon);
  const std::size_t end = url.find_first_of("/?#", colon + 3);
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

/// Host without www./m./mobile./amp., path without a final slash, query kept:
/// two works never share this, so no URL variant can join different works.
bool claim_url(Gen& g, const std::string& url) {
  UrlParts p = split_url(url);
  p.host = lower(p.host);
  for (std::string_view prefix : {"www.", "m.", "mobile.", "amp."}) {
    if (p.host.starts_with(prefix)) {
      p.host.erase(0, prefix.size());
    }
  }
  while (p.path.size() > 1 && p.path.back() == '/') {
    p.path.pop_back();
  }
  return g.urls.insert(p.host + p.path + "?" + p.query).second;
}

Site make_site(Gen& g) {
  std::string w(any(g, k_vocab));
  while (!plain_ascii(w)) {
    w = any(g, k_vocab);
  }
  std::string cap = w;
  capitalise(cap);
  const bool odd = chance(g, 50);
  switch (pick(g, 10)) {
  case 0:
    return {"www." + w + "news.com", "The " + cap + " News", "article-newspaper", odd ? PathStyle::dated : PathStyle::numeric};
  case 1:
    return {"www." + w + "times.com", cap + " Times", "article-newspaper", PathStyle::dated};
  case 2:
    return {"www." + w + "post.com", "The " + cap + " Post", "article-newspaper", odd ? PathStyle::query_id : PathStyle::numeric};
  case 3:
    return {"blog." + w + ".io", cap + " Blog", "post-weblog", odd ? PathStyle::slug_dir : PathStyle::dated};
  case 4:
    return {w + ".substack.com", cap, "post-weblog", PathStyle::substack};
  case 5:
    return {"www." + w + "blog.com", cap + " Blog", "post-weblog", PathStyle::wp_query};
  case 6:
    return {w + ".ai", cap + " AI", "webpage", PathStyle::slug_dir};
  case 7:
    return {"www." + w + "labs.org", cap + " Labs", "webpage", odd ? PathStyle::slug_dir : PathStyle::query_id};
  case 8:
    return {"www." + w + "tube.com", cap + "Tube", "webpage", PathStyle::video};
  default:
    return {"www.cs." + w + ".edu", cap + " University", "webpage", PathStyle::tilde};
  }
}

void build_sites(Gen& g) {
  std::unordered_set<std::string> seen;
  while (g.sites.size() < 300) {
    Site s = make_site(g);
    if (seen.insert(s.host.starts_with("www.") ? s.host.substr(4) : s.host).second) {
      g.sites.push_back(std::move(s));
    }
  }
}

std::string slug(const std::string& title) {
  std::vector<std::string> parts;
  for (const std::string& w : words_of(fold(title))) {
    if (parts.size() < 8 && !w.empty() && static_cast<unsigned char>(w[0]) < 0x80) {
      parts.push_back(w);
    }
  }
  return join(parts, "-");
}

std::string page_path(Gen& g, const Site& s, const std::string& title, const Date& d) {
  const std::string words = slug(title).empty() ? digits(g, 7) : slug(title);
  switch (s.path) {
  case PathStyle::dated:
    return "/" + std::to_string(d.year) + "/" + two(d.month) + "/" + (d.day ? two(d.day) + "/" : "") + words;
  case PathStyle::numeric:
    return "/news/" + std::to_string(between(g, 100000, 99999999));
  case PathStyle::query_id:
    return "/article?id=" + std::to_string(between(g, 100, 9999999));
  case PathStyle::substack:
    return "/p/" + words;
  case PathStyle::wp_query:
    return "/?p=" + std::to_string(between(g, 10, 99999));
  case PathStyle::video:
    return "/watch?v=" + fill(g, "&&#&^&&#&^&", 0);
  case PathStyle::tilde:
    return "/~" + slug(family(g)).substr(0, 4) + "/" + words + ".html";
  default:
    return "/blog/" + words + "/";
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
  c.title = fresh_title(g);
  const bool old_arxiv = kind == Kind::arxiv && chance(g, 7);
  const int first = kind == Kind::arxiv ? (old_arxiv ? 1992 : 2015) : kind == Kind::page ? 2008 : 1995;
  c.issued = Date{between(g, first, old_arxiv ? 2006 : 2025), between(g, 1, 12), between(g, 1, 28)};
  if (kind == Kind::journal || (kind == Kind::page && chance(g, 30))) {
    c.issued.day = 0;
  }
  if (kind != Kind::page || persons || chance(g, 60)) {
    c.authors = authors(g, kind != Kind::page, persons);
  }
  return c;
}

/// Marks every field that has a value as coming from `source`.
void stamp(Citation& c, const std::string& source) {
  constexpr std::pair<const char*, std::string Citation::*> k_fields[] = {
      {"type", &Citation::type},       {"title", &Citation::title},
      {"container-title", &Citation::container_title},
      {"volume", &Citation::volume},   {"issue", &Citation::issue},
      {"page", &Citation::page},       {"publisher", &Citation::publisher},
      {"number", &Citation::number},   {"DOI", &Citation::doi},
      {"URL", &Citation::url},         {"primary-class", &Citation::primary_class},
      {"journal-ref", &Citation::journal_ref}, {"comment", &Citation::comment},
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

Citation base_citation(const Core& core, std::string type) {
  Citation c;
  c.type = std::move(type);
  c.title = core.title;
  c.authors = core.authors;
  c.issued = core.issued;
  c.key_fixed = true;
  return c;
}

/// An old-style id (hep-th/9901001) before 2007, else YYMM.NNNNN.
std::string arxiv_id(Gen& g, const Date& d) {
  for (;;) {
    const std::string month = two(d.year) + two(d.month);
    std::string id;
    if (d.year < 2007) {
      id = std::string(any(g, k_old_archives)) + "/" + month;
      id += std::to_string(between(g, 1001, 1999)).substr(1);
    } else {
      id = month + "." + std::to_string(between(g, 100001, 129999)).substr(1);
    }
    if (g.arxiv_ids.insert(id).second) {
      return id;
    }
  }
}

Citation arxiv_work(Gen& g, const Core& core) {
  const std::string id = arxiv_id(g, core.issued);
  Citation c = base_citation(core, "article");
  c.publisher = "arXiv";
  c.number = "arXiv:" + id;
  c.doi = "10.48550/arXiv." + id;
  c.url = "https://arxiv.org/abs/" + id;
  c.primary_class = id.find('/') != std::string::npos ? id.substr(0, id.find('/')) : any(g, k_classes);
  c.categories = c.primary_class + (chance(g, 50) ? " " + std::string(any(g, k_classes)) : "");
  if (chance(g, 30)) {
    c.comment = std::to_string(between(g, 4, 40)) + " pages, ";
    c.comment += std::to_string(between(g, 1, 12)) + " figures";
  }
  c.ids = {{IdKind::arxiv, id}, {IdKind::url, c.url}};
  stamp(c, "arxiv");
  claim_url(g, c.url);
  return c;
}

std::string fresh_doi(Gen& g, std::string_view pattern, int year) {
  for (;;) {
    if (std::string doi = fill(g, pattern, year); g.dois.insert(lower(doi)).second) {
      return doi;
    }
  }
}

std::string fresh_url(Gen& g, std::string_view pattern, int year) {
  for (;;) {
    if (std::string url = fill(g, pattern, year); claim_url(g, url)) {
      return normalised(url);
    }
  }
}

Citation venue_work(Gen& g, const Core& core, const Venue& v, std::string type) {
  Citation c = base_citation(core, std::move(type));
  c.container_title = fill(g, v.name, core.issued.year);
  c.publisher = v.publisher;
  if (v.doi.empty()) {
    c.url = fresh_url(g, v.landing, core.issued.year);
    c.ids = {{IdKind::url, c.url}};
    stamp(c, "highwire");
    return c;
  }
  c.doi = fresh_doi(g, v.doi, core.issued.year);
  c.url = normalised("https://doi.org/" + c.doi);
  claim_url(g, c.url);
  c.ids = {{IdKind::doi, lower(c.doi)}, {IdKind::url, c.url}};
  stamp(c, "doi");
  return c;
}

Citation journal_work(Gen& g, const Core& core, const Venue& v) {
  Citation c = venue_work(g, core, v, "article-journal");
  c.volume = std::to_string(between(g, 1, 400));
  c.issue = std::to_string(between(g, 1, 12));
  const int first = between(g, 1, 2000);
  c.page = chance(g, 60) ? std::to_string(first) + "-" + std::to_string(first + between(g, 3, 30))
                         : "e" + digits(g, 7);
  stamp(c, "doi");
  return c;
}

Citation page_work(Gen& g, const Core& core, const Site& site, const std::string& source) {
  Citation c = base_citation(core, site.type);
  if (source == "title") { // only <title>: nothing else is known
    c.authors.clear();
    c.issued = Date{};
  } else {
    c.container_title = site.name;
  }
  const std::string scheme = chance(g, 8) ? "http://" : "https://";
  for (int attempt = 0;; ++attempt) {
    const std::string title = core.title + (attempt ? " " + digits(g, 3) : "");
    if (std::string url = scheme + site.host + page_path(g, site, title, core.issued); claim_url(g, url)) {
      c.url = normalised(url);
      break;
    }
  }
  c.ids = {{IdKind::url, c.url}};
  stamp(c, source);
  return c;
}

std::string page_source(Gen& g, const Core& core) {
  constexpr std::array<std::string_view, 3> k_authored = {"highwire", "json-ld", "opengraph"};
  constexpr std::array<std::string_view, 3> k_plain = {"json-ld", "opengraph", "title"};
  return std::string(any(g, core.authors.empty() ? List(k_plain) : List(k_authored)));
}

Citation make_work(Gen& g, Kind kind, const Core& core) {
  switch (kind) {
  case Kind::arxiv:
    return arxiv_work(g, core);
  case Kind::journal:
    return journal_work(g, core, any_of(g, k_journals));
  case Kind::conference:
    return venue_work(g, core, any_of(g, k_conferences), "paper-conference");
  default:
    return page_work(g, core, g.sites[pick(g, g.sites.size())], page_source(g, core));
  }
}

Kind paper_kind(Gen& g) {
  const std::size_t r = pick(g, 20);
  return r < 8 ? Kind::arxiv : r < 18 ? Kind::journal : Kind::conference;
}

// --- Planted pairs ----------------------------------------------------------

using Pair = std::pair<Citation, Citation>;

/// Host forms of one site: www. toggled, mobile and AMP hosts.
void vary_host(Gen& g, UrlParts& p) {
  const bool www = p.host.starts_with("www.");
  const std::string bare = www ? p.host.substr(4) : p.host;
  switch (pick(g, 4)) {
  case 0:
    p.host = www ? bare : std::count(bare.begin(), bare.end(), '.') == 1 ? "www." + bare : bare;
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

std::string tracker(Gen& g) {
  const std::string_view name = any(g, k_trackers);
  const std::string value = name == "utm_source"     ? std::string(any(g, std::array<std::string_view, 4>{"twitter", "newsletter", "hackernews", "reddit"}))
                            : name == "utm_medium"   ? std::string(any(g, std::array<std::string_view, 3>{"social", "email", "rss"}))
                            : name == "utm_campaign" ? std::string("weekly-") + digits(g, 3)
                            : name == "ref_src"      ? std::string("twsrc%5Etfw")
                            : name == "spm"          ? "a2c6h." + digits(g, 8) + ".0.0"
                                                     : fill(g, "&&^&#&^^&&#&^&&#", 0);
  return std::string(name) + "=" + value;
}

void vary_path_and_query(Gen& g, UrlParts& p) {
  if (chance(g, 30) && p.path != "/") {
    p.path.back() == '/' ? p.path.pop_back() : p.path.push_back('/');
  }
  if (const std::size_t at = p.path.find_first_of("-~"); chance(g, 10)) {
    // An unreserved character percent-encoded: the same URL by RFC 3986 §6.2.2.2.
    p.path = at == std::string::npos ? replace_first(p.path, "a", "%61")
                                     : replace_first(p.path, p.path.substr(at, 1), p.path[at] == '-' ? "%2D" : "%7E");
  }
  if (chance(g, 8)) {
    p.path += p.path.back() == '/' ? "amp/" : chance(g, 50) ? "/amp" : "/amp/";
  }
  if (chance(g, 35)) {
    std::string trackers = tracker(g);
    if (chance(g, 40)) {
      trackers += "&" + tracker(g);
    }
    p.query = p.query.empty() ? trackers : chance(g, 30) ? trackers + "&" + p.query : p.query + "&" + trackers;
  }
  if (chance(g, 5)) {
    p.query += (p.query.empty() ? "" : "&") + std::string(chance(g, 50) ? "amp" : "amp=1");
  }
}

/// Google's AMP cache URL of a page (https://developers.google.com/amp/cache/overview).
void to_amp_cache(UrlParts& p) {
  std::string label;
  for (char c : p.host) {
    label += c == '-' ? "--" : c == '.' ? "-" : std::string(1, c);
  }
  p.path = (p.scheme == "https" ? "/c/s/" : "/c/") + p.host + p.path;
  p.host = label + ".cdn.ampproject.org";
  p.scheme = "https";
}

/// A URL of the same page that normalises differently from `base`.
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
    p.fragment = chance(g, 20) ? std::string(any(g, k_fragments)) : "";
    if (chance(g, 5)) {
      to_amp_cache(p);
    } else if (chance(g, 10)) {
      p.host = chance(g, 50) ? upper(p.host) : upper(p.host.substr(0, 1)) + p.host.substr(1);
    }
    if (std::string v = join_url(p); normalised(v) != base) {
      return v;
    }
  }
}

Pair plant_url(Gen& g) {
  Citation base = make_work(g, Kind::page, make_core(g, Kind::page, false));
  const std::string variant = normalised(url_variant(g, base.url));
  Citation dup = base;
  if (chance(g, 50)) { // the post's data only: link text and URL
    dup = Citation{};
    dup.type = "webpage";
    dup.title = link_text(g, base.title);
    dup.key_fixed = true;
    stamp(dup, "post");
  }
  dup.url = variant;
  dup.ids = {{IdKind::url, variant}};
  dup.sources["URL"] = dup.sources["type"];
  return {base, dup};
}

Pair plant_arxiv_form(Gen& g) {
  Citation base = make_work(g, Kind::arxiv, make_core(g, Kind::arxiv, false));
  const std::string id = base.number.substr(6);
  const std::string v = "v" + std::to_string(between(g, 1, 4));
  const bool old = id.find('/') != std::string::npos;
  const std::array<std::string, 6> forms = {
      "https://arxiv.org/pdf/" + id + v, "https://arxiv.org/pdf/" + id + ".pdf",
      "https://doi.org/10.48550/arXiv." + id, "https://arxiv.org/html/" + id + v,
      "https://huggingface.co/papers/" + id, "https://www.alphaxiv.org/abs/" + id};
  Citation dup = base;
  dup.ids = {{IdKind::arxiv, id}, {IdKind::url, normalised(forms[pick(g, old ? 3 : 6)])}};
  return {base, dup};
}

Pair plant_published(Gen& g) {
  Core core = make_core(g, Kind::arxiv, true);
  core.issued.year = std::min(core.issued.year, 2024);
  Citation pre = arxiv_work(g, core);
  core.title = chance(g, 50) ? core.title : edited_title(g, core.title);
  const int later = static_cast<int>(pick(g, 2));
  core.issued = Date{core.issued.year + later, later ? between(g, 1, 12) : between(g, core.issued.month, 12), 0};
  Citation pub = journal_work(g, core, any_of(g, k_journals));
  pre.journal_ref = pub.container_title + " " + pub.volume + ", " + pub.page + " (" +
                    std::to_string(core.issued.year) + ")";
  pre.ids.push_back({IdKind::doi, lower(pub.doi)});
  stamp(pre, "arxiv");
  return chance(g, 50) ? Pair{pre, pub} : Pair{pub, pre};
}

Pair plant_title(Gen& g) {
  const Kind kind = paper_kind(g);
  Citation base = make_work(g, kind, make_core(g, kind, true));
  const Repository& r = any_of(g, k_repositories);
  Citation dup;
  dup.type = chance(g, 50) ? base.type : chance(g, 50) ? "article" : "webpage";
  dup.title = title_variant(g, base.title);
  dup.authors = chance(g, 30) ? with_initials(base.authors) : base.authors;
  dup.issued = Date{base.issued.year, chance(g, 50) ? base.issued.month : 0, 0};
  dup.container_title = r.name;
  dup.url = fresh_url(g, r.url, base.issued.year);
  dup.ids = {{IdKind::url, dup.url}};
  dup.key_fixed = true;
  stamp(dup, chance(g, 50) ? "highwire" : "json-ld");
  return {base, dup};
}

Pair plant_doi_title(Gen& g) {
  const Venue& v = any_of(g, k_journals);
  Citation base = journal_work(g, make_core(g, Kind::journal, true), v);
  Citation dup = base;
  dup.title = changed_title(g, base.title);
  dup.doi = chance(g, 40) ? upper(base.doi) : base.doi;
  dup.url = normalised("https://" + std::string(v.landing) + "/doi/" + base.doi);
  dup.ids = {{IdKind::doi, lower(base.doi)}, {IdKind::url, dup.url}};
  stamp(dup, chance(g, 50) ? "highwire" : "json-ld");
  return {base, dup};
}

Citation report(Gen& g, const Org& org, const std::string& title, bool webpage, int year) {
  Core core{title, {Person{"", "", std::string(org.name)}}, Date{year, between(g, 1, 12), 0}};
  Citation c = base_citation(core, webpage ? "webpage" : "report");
  (webpage ? c.container_title : c.publisher) = org.name;
  for (std::string tail = "-" + std::to_string(year);; tail += "-" + digits(g, 2)) {
    if (std::string url = "https://" + std::string(org.host) + "/reports/" + slug(title) + tail; claim_url(g, url)) {
      c.url = normalised(url);
      break;
    }
  }
  c.ids = {{IdKind::url, c.url}};
  stamp(c, chance(g, 50) ? "json-ld" : "highwire");
  return c;
}

Pair plant_annual(Gen& g) {
  constexpr std::array<std::string_view, 5> k_forms = {"Annual Report on ", "The State of ", "Outlook: ",
                                                       "Global Review of ", "Trends in "};
  std::string title;
  do {
    std::vector<std::string> topic = {std::string(any(g, k_vocab))};
    topic.emplace_back(any(g, k_vocab));
    std::for_each(topic.begin(), topic.end(), capitalise);
    title = std::string(any(g, k_forms));
    title += join(topic, chance(g, 50) ? " and " : " ");
  } while (!claim_title(g, title));
  const Org& org = any_of(g, k_orgs);
  const bool webpage = chance(g, 50);
  const int year = between(g, 2012, 2022);
  Citation first = report(g, org, title, webpage, year);
  return {std::move(first), report(g, org, title, webpage, year + between(g, 1, 3))};
}

/// Two titles of one series that differ only in their number.
std::pair<std::string, std::string> part_titles(Gen& g) {
  constexpr std::array<std::string_view, 6> k_roman = {"I", "II", "III", "IV", "V", "VI"};
  constexpr std::array<std::string_view, 5> k_models = {"GPT-", "Llama ", "Claude ", "Gemini ", "Phi-"};
  for (;;) {
    const int n = between(g, 1, 4);
    const std::size_t style = pick(g, 5);
    const std::string stem = style == 4 ? korean_title(g) : english_title(g), model(any(g, k_models));
    std::array<std::string, 2> t;
    for (int i = 0; i < 2; ++i) {
      const std::string k = std::to_string(n + i);
      switch (style) {
      case 0:
        t[i] = stem + ", Part " + k;
        break;
      case 1:
        t[i] = stem + " v" + k;
        break;
      case 2:
        t[i] = model + k + ": " + stem;
        break;
      case 3:
        t[i] = stem + ", Volume " + std::string(k_roman[n + i - 1]);
        break;
      default:
        t[i] = stem + " " + k + "부";
      }
    }
    if (claim_title(g, t[0]) && claim_title(g, t[1])) {
      return {t[0], t[1]};
    }
  }
}

Pair plant_part(Gen& g) {
  const Kind kind = pick(g, 2) ? Kind::page : Kind::arxiv;
  Core core = make_core(g, kind, true);
  auto [first, second] = part_titles(g);
  const Site& site = g.sites[pick(g, g.sites.size())];
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
  std::string_view kind;
  unsigned share; ///< percent of its group
  Pair (*plant)(Gen&);
};
constexpr Planter k_duplicates[] = {{"url", 30, plant_url},
                                    {"arxiv-form", 20, plant_arxiv_form},
                                    {"preprint-published", 15, plant_published},
                                    {"title", 20, plant_title},
                                    {"doi-title", 15, plant_doi_title}};
constexpr Planter k_traps[] = {{"annual", 40, plant_annual}, {"part", 30, plant_part}, {"author", 30, plant_author}};

// --- Assembly ---------------------------------------------------------------

/// Largest remainder: the counts add up to `total` exactly.
std::vector<std::size_t> split(std::size_t total, std::span<const Planter> planters) {
  std::vector<std::size_t> count, rest;
  for (const Planter& p : planters) {
    count.push_back(total * p.share / 100);
    rest.push_back(total * p.share % 100);
  }
  for (std::size_t left = total - std::accumulate(count.begin(), count.end(), std::size_t{0}); left > 0; --left) {
    const std::size_t i = std::max_element(rest.begin(), rest.end()) - rest.begin();
    ++count[i];
    rest[i] = 0;
  }
  return count;
}

std::size_t add(DedupeCorpus& out, Citation c, std::optional<std::size_t> work) {
  const std::size_t at = out.citations.size();
  out.citations.push_back(std::move(c));
  out.work.push_back(work.value_or(at));
  return at;
}

void plant(Gen& g, DedupeCorpus& out, std::span<const Planter> planters, std::size_t total, bool same_work,
           std::vector<PlantedPair>& pairs) {
  const std::vector<std::size_t> counts = split(total, planters);
  for (std::size_t k = 0; k < planters.size(); ++k) {
    for (std::size_t i = 0; i < counts[k]; ++i) {
      auto [a, b] = planters[k].plant(g);
      const std::size_t ia = add(out, std::move(a), std::nullopt);
      const std::size_t ib = add(out, std::move(b), same_work ? std::optional(ia) : std::nullopt);
      pairs.push_back(PlantedPair{ia, ib, std::string(planters[k].kind)});
    }
  }
}

/// "2024-01-01T00:00:00Z" plus `seconds` (days-to-civil after Howard Hinnant).
std::string timestamp(std::size_t seconds) {
  const std::size_t z = 19723 + seconds / 86400 + 719468; // 2024-01-01 in days since 0000-03-01
  const std::size_t era = z / 146097, doe = z - era * 146097;
  const std::size_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::size_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const std::size_t day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
  const std::size_t year = yoe + era * 400 + (month <= 2), s = seconds % 86400;
  return std::to_string(year) + "-" + two(static_cast<int>(month)) + "-" + two(static_cast<int>(day)) + "T" +
         two(static_cast<int>(s / 3600)) + ":" + two(static_cast<int>(s / 60 % 60)) + ":" +
         two(static_cast<int>(s % 60)) + "Z";
}

/// Moves the second of any pair that landed next to its first.
void separate(std::vector<std::size_t>& order, std::vector<std::size_t>& pos, const DedupeCorpus& c) {
  const std::size_t n = order.size();
  for (int pass = 0; pass < 8 && n > 4; ++pass) {
    bool moved = false;
    for (const auto* pairs : {&c.duplicates, &c.traps}) {
      for (const PlantedPair& p : *pairs) {
        if (pos[p.a] + 1 == pos[p.b] || pos[p.b] + 1 == pos[p.a]) {
          const std::size_t there = (pos[p.b] + n / 2) % n;
          std::swap(order[pos[p.b]], order[there]);
          pos[order[pos[p.b]]] = pos[p.b];
          pos[p.b] = there;
          moved = true;
        }
      }
    }
    if (!moved) {
      return;
    }
  }
}

DedupeCorpus shuffled(Gen& g, DedupeCorpus in) {
  const std::size_t n = in.citations.size();
  std::vector<std::size_t> order(n), pos(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  shuffle(g, order);
  for (std::size_t i = 0; i < n; ++i) {
    pos[order[i]] = i;
  }
  separate(order, pos, in);
  DedupeCorpus out;
  for (std::size_t i = 0; i < n; ++i) {
    Citation& c = out.citations.emplace_back(std::move(in.citations[order[i]]));
    out.work.push_back(in.work[order[i]]);
    char key[32];
    std::snprintf(key, sizeof key, "c%06zu", i + 1);
    c.key = key;
    c.created = c.updated = timestamp(i);
  }
  for (auto [from, to] : {std::pair{&in.duplicates, &out.duplicates}, std::pair{&in.traps, &out.traps}}) {
    for (const PlantedPair& p : *from) {
      to->push_back(PlantedPair{pos[p.a], pos[p.b], p.kind});
    }
  }
  return out;
}

} // namespace

DedupeCorpus make_dedupe_corpus(std::size_t size, std::uint64_t seed) {
  Gen g;
  g.rng.seed(seed);
  build_families(g);
  build_sites(g);
  DedupeCorpus out;
  const std::size_t duplicates = (size * 5 + 50) / 100, traps = (size + 50) / 100;
  plant(g, out, k_traps, traps, false, out.traps);
  plant(g, out, k_duplicates, duplicates, true, out.duplicates);
  while (out.citations.size() < size) {
    const std::size_t r = pick(g, 100);
    const Kind kind = r < 35 ? Kind::arxiv : r < 65 ? Kind::journal : r < 70 ? Kind::conference : Kind::page;
    add(out, make_work(g, kind, make_core(g, kind, false)), std::nullopt);
  }
  return shuffled(g, std::move(out));
}

} // namespace refs::bench
