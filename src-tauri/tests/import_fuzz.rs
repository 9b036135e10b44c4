//! Thousands of damaged rosters, read the way the app reads them: each in a
//! child process of the real binary (issue 14, item 3; docs/RELIABILITY.md).
//!
//! A fixed seed makes every run read the same files. Whatever a file does to
//! the parser, the answer comes back within the time limit as sheets or a
//! Chinese message, and this process (the app's stand-in) lives on.

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};
use zhibu_core::import::isolate::{read_in_child, TIME_LIMIT};

const SEED: u64 = 0x5a48_4942_5530_3134; // "ZHIBU014"

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"\xff",
    b"\x00",
    b"\x7f",
    b"\x80",
    b"\xff\xff",
    b"\xff\xff\xff\xff",
    b"\x00\x00\x00\x80",
    b"XFD1048576",
    b"1048576",
    b"16384",
    b"4294967295",
    b"-1",
    b"99999999999999999999",
    b"<",
    b"\"",
    b"&#0;",
    b"<c r=\"ZZ20000\"><v>1</v></c>",
    b"<mergeCell ref=\"A1:ALL19999\"/>",
];

/// Changes `bytes` a little: flips, interesting values, cuts, copies, inserts.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(6) {
        if bytes.is_empty() {
            bytes.push(0);
        }
        let at = rng.below(bytes.len());
        match rng.below(7) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes[at] = rng.next() as u8,
            2 => {
                let v = INTERESTING[rng.below(INTERESTING.len())];
                let end = (at + v.len()).min(bytes.len());
                bytes.splice(at..end, v.iter().copied());
            }
            3 => {
                let v = INTERESTING[rng.below(INTERESTING.len())];
                bytes.splice(at..at, v.iter().copied());
            }
            4 => bytes.truncate(at.max(1)),
            5 => {
                let len = rng.below(256).min(bytes.len() - at);
                let chunk = bytes[at..at + len].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, chunk);
            }
            _ => {
                let len = rng.below(64).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
        }
    }
}

/// An .xlsx with one of its XML parts mutated and zipped again (what a
/// damaged-but-still-a-zip file looks like to the parser).
fn mutate_inside_zip(rng: &mut Rng, xlsx: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("seed is a zip");
    let victim = rng.below(zip.len());
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if i == victim {
            mutate(rng, &mut data);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let csv = "姓名,性别,身份证号码,入党日期,转正日期,党小组\n张三,男,110105194912310021,1975-07-01,1976-07-01,第一党小组\n\"李,四\",女,,1980.3,,\"二\n组\"\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    vec![
        ("花名册.xlsx", std::fs::read(fixtures.join("花名册示例.xlsx")).unwrap()),
        ("模板.xlsx", zhibu_core::import::import_template().unwrap()),
        ("花名册.xls", std::fs::read(fixtures.join("花名册示例.xls")).unwrap()),
        ("花名册.csv", csv.as_bytes().to_vec()),
        ("花名册gbk.csv", gbk.into_owned()),
    ]
}

#[test]
fn thousands_of_damaged_files_never_take_the_reader_down() {
    let cases: usize = std::env::var("ZHIBU_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000);
    let program = Path::new(env!("CARGO_BIN_EXE_zhibu"));
    let seeds = seeds();
    // The files first (deterministic), then read on a few threads.
    let mut rng = Rng(SEED);
    let files: Vec<(String, Vec<u8>)> = (0..cases)
        .map(|i| {
            let (name, seed) = &seeds[i % seeds.len()];
            let bytes = if name.ends_with(".xlsx") && rng.below(2) == 0 {
                mutate_inside_zip(&mut rng, seed)
            } else {
                let mut b = seed.clone();
                mutate(&mut rng, &mut b);
                b
            };
            (format!("{i:04}{name}"), bytes)
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 4);
    let outcomes: Vec<(usize, usize, usize, Duration, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let files = &files;
                s.spawn(move || {
                    let (mut read, mut refused, mut died, mut slowest, mut bad) = (0, 0, 0, Duration::ZERO, Vec::new());
                    for (name, bytes) in files.iter().skip(t).step_by(threads) {
                        let started = Instant::now();
                        let result = read_in_child(program, bytes, name);
                        slowest = slowest.max(started.elapsed());
                        match result {
                            Ok(sheets) => {
                                read += 1;
                                // What came back is a roster-sized grid.
                                for sheet in &sheets {
                                    if sheet.rows.len() > zhibu_core::import::MAX_ROWS + 100 {
                                        bad.push(format!("{name}: {} rows came back", sheet.rows.len()));
                                    }
                                }
                            }
                            Err(zhibu_core::Error::Import(message)) => {
                                if message.starts_with("无法读取") {
                                    died += 1;
                                    // ZHIBU_FUZZ_KEEP=DIR keeps such files for a closer look.
                                    if let Some(dir) = std::env::var_os("ZHIBU_FUZZ_KEEP") {
                                        let _ = std::fs::write(Path::new(&dir).join(name), bytes);
                                    }
                                } else {
                                    refused += 1;
                                }
                                if !message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                                    || !message.contains(name.as_str())
                                {
                                    bad.push(format!(
                                        "{name}: message not in Chinese or not naming the file: {message}"
                                    ));
                                }
                            }
                            Err(other) => bad.push(format!("{name}: not an import error: {other:?}")),
                        }
                    }
                    (read, refused, died, slowest, bad)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a reading thread panicked")).collect()
    });
    let (read, refused, died): (usize, usize, usize) =
        outcomes.iter().fold((0, 0, 0), |(a, b, c), o| (a + o.0, b + o.1, c + o.2));
    let slowest = outcomes.iter().map(|o| o.3).max().unwrap_or_default();
    let bad: Vec<&String> = outcomes.iter().flat_map(|o| &o.4).collect();
    eprintln!(
        "fuzz (seed {SEED:#x}): {cases} files, {read} read, {refused} refused with a reason, {died} ended their reader; slowest {slowest:?}"
    );
    assert!(bad.is_empty(), "{} wrong answers, e.g. {:?}", bad.len(), &bad[..bad.len().min(5)]);
    assert_eq!(read + refused + died, cases);
    assert!(slowest < TIME_LIMIT + Duration::from_secs(5), "a reading outlived the time limit: {slowest:?}");
    // The mutations are strong enough to matter: many files are refused.
    assert!(refused + died > cases / 4, "too few damaged files noticed: {refused} + {died} of {cases}");
}
