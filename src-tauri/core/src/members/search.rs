//! Roster search: by name, by pinyin initials (`zs` finds 张三, `zhangs`
//! too) and by the tail of the ID number (`002x` finds …002X).

use pinyin::{ToPinyin, ToPinyinMulti};

/// At most this many readings of a name are tried (polyphonic characters
/// multiply them: 单 is shan or dan, 曾 zeng or ceng).
const MAX_READINGS: usize = 16;

/// Every plausible reading of `name`, as (initials, full pinyin).
pub fn readings(name: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![(String::new(), String::new())];
    for c in name.chars() {
        let options: Vec<&'static str> = match c.to_pinyin_multi() {
            Some(multi) => multi.into_iter().map(|p| p.plain()).collect(),
            None => match c.to_pinyin() {
                Some(p) => vec![p.plain()],
                None => {
                    let lower = c.to_lowercase().to_string();
                    for (i, f) in &mut out {
                        i.push_str(&lower);
                        f.push_str(&lower);
                    }
                    continue;
                }
            },
        };
        let mut next = Vec::with_capacity(out.len() * options.len());
        for (i, f) in &out {
            for p in &options {
                let mut i2 = i.clone();
                i2.push_str(&p[..p.chars().next().map_or(0, char::len_utf8)]);
                next.push((i2, format!("{f}{p}")));
                if next.len() >= MAX_READINGS {
                    break;
                }
            }
        }
        next.dedup();
        out = next;
    }
    out
}

/// What the search box holds, understood once.
pub enum Needle {
    All,
    /// Latin letters: pinyin initials or the start of the full pinyin.
    Pinyin(String),
    /// Digits (and a final X): the tail of an ID number.
    IdTail(String),
    /// Anything else: part of the name.
    Name(String),
}

/// Digits, optionally ending in X (the check character).
fn is_id_tail(q: &str) -> bool {
    let body = q.strip_suffix(['x', 'X']).unwrap_or(q);
    !body.is_empty() && body.chars().all(|c| c.is_ascii_digit())
}

impl Needle {
    pub fn parse(q: &str) -> Needle {
        let q: String = q.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
        if q.is_empty() {
            Needle::All
        } else if is_id_tail(&q) {
            Needle::IdTail(q.to_uppercase())
        } else if q.chars().all(|c| c.is_ascii_alphabetic()) {
            Needle::Pinyin(q.to_lowercase())
        } else {
            Needle::Name(q)
        }
    }

    pub fn matches(&self, name: &str, id_number: &str) -> bool {
        match self {
            Needle::All => true,
            Needle::IdTail(t) => id_number.ends_with(t.as_str()),
            Needle::Name(n) => name.contains(n.as_str()),
            Needle::Pinyin(p) => readings(name)
                .iter()
                .any(|(initials, full)| initials.starts_with(p.as_str()) || full.starts_with(p.as_str())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_find_the_name() {
        assert!(Needle::parse("zs").matches("张三", ""));
        assert!(Needle::parse("ZS").matches("张三", ""));
        assert!(Needle::parse("zhangs").matches("张三", ""));
        assert!(Needle::parse("z").matches("张三", ""));
        assert!(!Needle::parse("ls").matches("张三", ""));
        assert!(!Needle::parse("sz").matches("张三", ""));
    }

    #[test]
    fn polyphonic_surnames_are_found_by_either_reading() {
        // 单 reads shan as a surname, dan elsewhere; 曾 zeng or ceng.
        assert!(Needle::parse("sxm").matches("单小明", ""));
        assert!(Needle::parse("dxm").matches("单小明", ""));
        assert!(Needle::parse("zgf").matches("曾国藩", ""));
    }

    #[test]
    fn id_tail_and_name_parts() {
        let id = "11010519491231002X";
        assert!(Needle::parse("002x").matches("王芳", id));
        assert!(Needle::parse("1231002X").matches("王芳", id));
        assert!(!Needle::parse("0021").matches("王芳", id));
        assert!(Needle::parse("芳").matches("王芳", id));
        assert!(Needle::parse(" 王 芳 ").matches("王芳", id));
        assert!(!Needle::parse("李").matches("王芳", id));
        assert!(Needle::parse("").matches("王芳", id));
    }
}
