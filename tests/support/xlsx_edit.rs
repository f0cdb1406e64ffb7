//! Editing an xlsx the way a person or another program would, without a spreadsheet program: replace one
//! part of the zip, or one cell of a sheet's XML.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

/// Every part of an xlsx: (name, bytes).
pub fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            (entry.name().map(|name| name.into_owned()).unwrap_or_default(), content)
        })
        .collect()
}

pub fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        writer.start_file(name.as_str(), options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The xlsx with one part's text changed.
pub fn edit_part(bytes: &[u8], part: &str, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut parts = parts(bytes);
    let entry = parts.iter_mut().find(|(name, _)| name == part).unwrap_or_else(|| panic!("no part {part}"));
    entry.1 = edit(String::from_utf8(entry.1.clone()).unwrap()).into_bytes();
    zip_of(&parts)
}

/// The xlsx without one part.
pub fn without_part(bytes: &[u8], part: &str) -> Vec<u8> {
    let parts: Vec<_> = parts(bytes).into_iter().filter(|(name, _)| name != part).collect();
    zip_of(&parts)
}

/// Replaces cell `a1` of a sheet's XML with an inline string, as a program that writes text would.
pub fn cell_to_text(xml: String, a1: &str, text: &str) -> String {
    let start = xml.find(&format!("<c r=\"{a1}\"")).unwrap_or_else(|| panic!("no cell {a1}"));
    let rest = &xml[start..];
    let end = if let Some(close) = rest.find("</c>") {
        let self_closing = rest.find("/>").filter(|at| *at < rest.find('>').unwrap_or(0) + 1);
        self_closing.map_or(close + 4, |at| at + 2)
    } else {
        rest.find("/>").unwrap() + 2
    };
    let style = rest[..rest.find('>').unwrap()].split(" s=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("0");
    format!(
        "{}<c r=\"{a1}\" s=\"{style}\" t=\"inlineStr\"><is><t>{text}</t></is></c>{}",
        &xml[..start],
        &xml[start + end..]
    )
}

/// Replaces cell `a1` of a sheet's XML with a formula and no cached result, as a program that writes formulas
/// without computing them (or strips the results) would.
pub fn cell_to_formula(xml: String, a1: &str, formula: &str) -> String {
    let marker = "\u{1}";
    let with_marker = cell_to_text(xml, a1, marker);
    let inline = format!(" t=\"inlineStr\"><is><t>{marker}</t></is></c>");
    with_marker.replace(&inline, &format!("><f>{formula}</f></c>"))
}
