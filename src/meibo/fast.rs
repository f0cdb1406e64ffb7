//! The fast reader: the published 名簿 as it is written — one sheet, every cell a shared or inline string — read
//! with a byte scanner instead of a general XML parser, about five times faster than calamine's cell reader (see
//! docs/PERFORMANCE.md). Anything outside that narrow form (several sheets, numbers or dates in cells, formulas,
//! namespace prefixes, CDATA, escapes calamine would interpret) makes it step aside: `read` returns `None` and
//! calamine reads the file. tests/meibo_readers.rs checks that both readers give the same 名簿 on every test file.

use std::borrow::Cow;
use std::io::{Read, Seek};

use memchr::{memchr, memmem};

use super::sheet::{SheetFolder, conclude};
use super::{Meibo, MeiboError};

/// Bytes of the sheet read at a time; only the rows of one chunk are held.
const CHUNK: usize = 1 << 20;

/// Stepping aside: the file is not in the form this reader handles.
struct Unsupported;

type Scan<T> = Result<T, Unsupported>;

/// Where the reader stepped aside (the source line), shown by test builds to explain a fallback.
fn unsupported(line: u32) -> Unsupported {
    if cfg!(test) {
        eprintln!("fast 名簿 reader steps aside at src/meibo/fast.rs:{line}");
    }
    Unsupported
}

/// Reads the 名簿 when the file is in the published form; `None` when calamine should read it.
pub fn read<R: Read + Seek>(source: &mut R) -> Option<Result<Meibo, MeiboError>> {
    let mut archive = zip::ZipArchive::new(&mut *source).ok()?;
    let workbook = entry_text(&mut archive, "xl/workbook.xml")?;
    let (sheet_name, sheet_id) = only_sheet(&workbook)?;
    let relationships = entry_text(&mut archive, "xl/_rels/workbook.xml.rels")?;
    let sheet_path = relationship_target(&relationships, |attrs| attribute(attrs, "Id") == Some(sheet_id.as_str()))?;
    let strings_path = relationship_target(&relationships, |attrs| {
        attribute(attrs, "Type").is_some_and(|t| t.ends_with("/sharedStrings"))
    });
    let strings = match strings_path {
        Some(path) => shared_strings(&entry_text(&mut archive, &path)?).ok()?,
        None => Vec::new(),
    };
    let sheet = archive.by_name(&sheet_path).ok()?;
    let mut folder = SheetFolder::new(&sheet_name);
    match scan_sheet(sheet, &strings, &mut folder) {
        Ok(Ok(())) => Some(folder.finish().and_then(|outcome| conclude(vec![outcome]))),
        Ok(Err(error)) => Some(Err(error)),
        Err(Unsupported) => None,
    }
}

fn entry_text<R: Read + Seek>(archive: &mut zip::ZipArchive<R>, name: &str) -> Option<String> {
    let mut entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The name and relationship id of the workbook's only sheet; `None` for several sheets or prefixed markup.
fn only_sheet(workbook: &str) -> Option<(String, String)> {
    let mut sheets = tags(workbook.as_bytes(), b"sheet");
    let attrs = sheets.next()?;
    if sheets.next().is_some() || workbook.contains(":sheet ") {
        return None;
    }
    let name = decode(attribute(attrs, "name")?.as_bytes()).ok()?.into_owned();
    let id = attribute(attrs, "r:id")?.to_string();
    Some((name, id))
}

/// The zip path of the first relationship that matches.
fn relationship_target(relationships: &str, matches: impl Fn(&str) -> bool) -> Option<String> {
    let attrs = tags(relationships.as_bytes(), b"Relationship").find(|attrs| matches(attrs))?;
    let target = attribute(attrs, "Target")?;
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    })
}

/// The attribute text of every `<name …>` tag (not `<nameOther…>`).
fn tags<'t>(text: &'t [u8], name: &'t [u8]) -> impl Iterator<Item = &'t str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = at + memchr(b'<', &text[at..])?;
            let rest = &text[start + 1..];
            let end = start + 1 + memchr(b'>', rest)?;
            at = end + 1;
            if rest.starts_with(name)
                && matches!(rest.get(name.len()), Some(b' ' | b'/' | b'>' | b'\t' | b'\n' | b'\r'))
            {
                return std::str::from_utf8(&text[start + 1 + name.len()..end]).ok();
            }
        }
    })
}

/// The value of ` name="…"` (or '…') in a tag's attribute text, undecoded.
fn attribute<'t>(attrs: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = attrs;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        let after = &rest[at + name.len()..];
        rest = after;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let after = after.trim_start();
        let Some(after) = after.strip_prefix('=') else { continue };
        let after = after.trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let value = &after[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
}

/// The shared-strings table, as calamine reads it: each `<si>` the text of its `<t>` elements outside `<rPh>`.
fn shared_strings(xml: &str) -> Scan<Vec<String>> {
    let bytes = xml.as_bytes();
    let mut strings = Vec::new();
    let mut at = 0;
    while let Some(found) = memmem::find(&bytes[at..], b"<si") {
        let start = at + found;
        match bytes.get(start + 3) {
            Some(b'>') => {
                let (text, end) = string_item(bytes, start + 4, b"</si>")?;
                strings.push(text);
                at = end;
            }
            Some(b'/') => {
                strings.push(String::new());
                at = start + 3;
            }
            Some(b' ') => return Err(unsupported(line!())),
            _ => at = start + 3,
        }
    }
    if xml.contains(":si>") || xml.contains("<![CDATA[") {
        return Err(unsupported(line!()));
    }
    Ok(strings)
}

/// The text of a string item (`<si>` or `<is>`) from just after its start tag to its end tag; the position after it.
fn string_item(bytes: &[u8], mut at: usize, end_tag: &[u8]) -> Scan<(String, usize)> {
    let mut text = String::new();
    let mut phonetic = false;
    // Elements open inside the item: a damaged item (an end tag too many or too few) steps aside.
    let mut depth = 0usize;
    loop {
        let start = at + memchr(b'<', &bytes[at..]).ok_or_else(|| unsupported(line!()))?;
        if bytes[at..start].contains(&b'&') {
            return Err(unsupported(line!()));
        }
        if bytes[start..].starts_with(end_tag) {
            if depth != 0 {
                return Err(unsupported(line!()));
            }
            return Ok((text, start + end_tag.len()));
        }
        let close = start + memchr(b'>', &bytes[start..]).ok_or_else(|| unsupported(line!()))?;
        let tag = &bytes[start + 1..close];
        check_tag(tag)?;
        let name = &tag[..tag_name_end(tag)];
        if name.contains(&b':') {
            return Err(unsupported(line!()));
        }
        at = close + 1;
        let self_closing = tag.ends_with(b"/");
        if name.starts_with(b"/") {
            depth = depth.checked_sub(1).ok_or_else(|| unsupported(line!()))?;
        } else if !self_closing && name != b"t" {
            // <t> is read to its end tag at once below.
            depth += 1;
        }
        match name {
            b"rPh" if !self_closing => phonetic = true,
            b"/rPh" => phonetic = false,
            b"t" if tag.ends_with(b"/") => {}
            b"t" => {
                let end = at + memmem::find(&bytes[at..], b"</t>").ok_or_else(|| unsupported(line!()))?;
                let raw = &bytes[at..end];
                if raw.contains(&b'<') {
                    return Err(unsupported(line!()));
                }
                if phonetic {
                    decode(raw)?;
                } else {
                    let preserve = byte_attribute(tag, b"xml:space")? == Some(b"preserve");
                    // calamine trims ASCII whitespace unless xml:space="preserve".
                    let raw = if preserve { raw } else { raw.trim_ascii() };
                    text.push_str(&decode(raw)?);
                }
                at = end + 4;
            }
            _ => {}
        }
    }
}

/// Text content: UTF-8 with the five XML entities and character references. Escapes calamine reads further
/// (`_x000D_`) and carriage returns (which XML turns into line feeds) step aside.
fn decode(raw: &[u8]) -> Scan<Cow<'_, str>> {
    let text = std::str::from_utf8(raw).map_err(|_| unsupported(line!()))?;
    if text.contains("_x") || text.contains('\r') {
        return Err(unsupported(line!()));
    }
    if !text.contains('&') {
        return Ok(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').ok_or_else(|| unsupported(line!()))? + at;
        let entity = &rest[at + 1..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(decimal) = entity.strip_prefix('#') {
                    decimal.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32).ok_or_else(|| unsupported(line!()))?
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

/// Where the scanner is in the sheet.
struct Position {
    in_sheet_data: bool,
    /// Inside a `<row>` (rows do not nest; an unbalanced sheet steps aside, as calamine's parser refuses it).
    in_row: bool,
    done: bool,
    row: u32,
    col: u32,
}

/// Streams the sheet XML chunk by chunk, cutting each chunk before its last `<row` so that only whole rows are
/// scanned. The outer `Result` steps aside; the inner one is the 名簿's own verdict.
fn scan_sheet<'s, R: Read>(
    mut sheet: R,
    strings: &'s [String],
    folder: &mut SheetFolder<'s>,
) -> Scan<Result<(), MeiboError>> {
    let mut buffer: Vec<u8> = Vec::with_capacity(2 * CHUNK);
    let mut position = Position { in_sheet_data: false, in_row: false, done: false, row: 0, col: 0 };
    let mut ended = false;
    while !position.done {
        if !ended {
            let before = buffer.len();
            buffer.resize(before + CHUNK, 0);
            let read = read_full(&mut sheet, &mut buffer[before..]).map_err(|_| unsupported(line!()))?;
            buffer.truncate(before + read);
            ended = read == 0;
        }
        let cut = if ended { buffer.len() } else { memmem::rfind(&buffer, b"<row").unwrap_or(0) };
        if cut == 0 && !ended {
            continue;
        }
        match scan(&buffer[..cut], strings, &mut position, folder)? {
            Ok(true) => {}
            Ok(false) => return Ok(Ok(())),
            Err(error) => return Ok(Err(error)),
        }
        buffer.drain(..cut);
        if ended && !position.done {
            // The sheet ended inside <sheetData>: a damaged file, for calamine to name.
            return Err(unsupported(line!()));
        }
    }
    Ok(Ok(()))
}

fn read_full<R: Read>(reader: &mut R, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Scans whole rows. `Ok(Ok(false))` when the folder needs no more cells.
fn scan<'s>(
    bytes: &[u8],
    strings: &'s [String],
    at: &mut Position,
    folder: &mut SheetFolder<'s>,
) -> Scan<Result<bool, MeiboError>> {
    let mut pos = 0;
    loop {
        // Tags follow each other directly in the published sheets: look at the next byte before searching.
        let start = match bytes.get(pos) {
            Some(b'<') => pos,
            Some(_) => match memchr(b'<', &bytes[pos..]) {
                Some(found) => pos + found,
                None => break,
            },
            None => break,
        };
        // Text between tags is ignored, but calamine's parser still checks its entities.
        if bytes[pos..start].contains(&b'&') {
            return Err(unsupported(line!()));
        }
        let close = start + find_short(&bytes[start..], b'>').ok_or_else(|| unsupported(line!()))?;
        let tag = &bytes[start + 1..close];
        pos = close + 1;
        let self_closing = tag.ends_with(b"/");
        let is_cell = tag.first() == Some(&b'c') && matches!(tag.get(1), Some(b' ' | b'/') | None);
        if !is_cell {
            // Cells are checked as their attributes are read (`cell_attributes`); every other tag here.
            check_tag(tag)?;
        }
        if !at.in_sheet_data {
            let name = &tag[..tag_name_end(tag)];
            if name == b"sheetData" {
                at.in_sheet_data = !self_closing;
                at.done = self_closing;
            } else if name.ends_with(b":sheetData") || name.starts_with(b"!") {
                return Err(unsupported(line!()));
            }
            if at.done {
                return Ok(Ok(false));
            }
            continue;
        }
        // The hot path: cells, then row boundaries. Anything else inside <sheetData> steps aside.
        if is_cell {
            if !at.in_row {
                return Err(unsupported(line!()));
            }
            let (reference, kind) = cell_attributes(tag)?;
            if let Some(reference) = reference {
                let (row, col) = cell_reference(reference)?;
                at.row = row;
                at.col = col;
            }
            let (row, col) = (at.row, at.col);
            at.col += 1;
            let value = if self_closing {
                None
            } else {
                let (value, end) = cell_value(bytes, pos, kind, strings, folder.wants(col))?;
                pos = end;
                value
            };
            match folder.cell(row, col, value) {
                Ok(true) => {}
                Ok(false) => return Ok(Ok(false)),
                Err(error) => return Ok(Err(error)),
            }
        } else if tag == b"/row" {
            if !at.in_row {
                return Err(unsupported(line!()));
            }
            at.in_row = false;
            at.row += 1;
            at.col = 0;
        } else if tag.starts_with(b"row") && matches!(tag.get(3), Some(b' ' | b'/') | None) {
            if at.in_row {
                return Err(unsupported(line!()));
            }
            at.in_row = !self_closing;
            if let Some(r) = byte_attribute(tag, b"r")? {
                at.row = parse_number(r)?.checked_sub(1).ok_or_else(|| unsupported(line!()))?;
            }
            at.col = 0;
            if self_closing {
                at.row += 1;
            }
        } else if tag == b"/sheetData" {
            if at.in_row {
                return Err(unsupported(line!()));
            }
            at.done = true;
            return Ok(Ok(true));
        } else if tag.starts_with(b"?") {
            continue;
        } else {
            return Err(unsupported(line!()));
        }
    }
    Ok(Ok(true))
}

/// Where the name of a tag (after `<`) ends; a closing tag keeps its `/`: `/row`.
fn tag_name_end(tag: &[u8]) -> usize {
    let from = usize::from(tag.first() == Some(&b'/'));
    tag[from..]
        .iter()
        .position(|b| matches!(b, b' ' | b'/' | b'\t' | b'\n' | b'\r'))
        .map_or(tag.len(), |end| end + from)
}

/// The raw value of ` name="…"` in a tag. Spaces around `=` (legal, never written by Excel) step aside rather
/// than risk reading the tag differently from calamine.
fn byte_attribute<'t>(tag: &'t [u8], name: &[u8]) -> Scan<Option<&'t [u8]>> {
    let mut found = None;
    for (i, window) in tag.windows(2).enumerate() {
        let (a, b) = (window[0], window[1]);
        if (a == b'=' && b.is_ascii_whitespace()) || (a.is_ascii_whitespace() && b == b'=') {
            return Err(unsupported(line!()));
        }
        if found.is_none()
            && a.is_ascii_whitespace()
            && tag[i + 1..].starts_with(name)
            && tag.get(i + 1 + name.len()) == Some(&b'=')
        {
            let quote_at = i + 2 + name.len();
            let quote = *tag.get(quote_at).ok_or_else(|| unsupported(line!()))?;
            if quote != b'"' && quote != b'\'' {
                return Err(unsupported(line!()));
            }
            let value_start = quote_at + 1;
            let value_end = value_start + memchr(quote, &tag[value_start..]).ok_or_else(|| unsupported(line!()))?;
            found = Some(&tag[value_start..value_end]);
        }
    }
    Ok(found)
}

/// A cell's reference (`r`, "E5") and type (`t`, "s"), when given.
type CellAttributes<'t> = (Option<&'t [u8]>, Option<&'t [u8]>);

/// The `r` and `t` attributes of a `<c …>` tag, in one pass over it (the hot path of the reader).
fn cell_attributes(tag: &[u8]) -> Scan<CellAttributes<'_>> {
    let (mut reference, mut kind) = (None, None);
    let mut i = 1;
    loop {
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match tag.get(i) {
            // The end, or the `/` of a self-closing tag — which must be its last byte: `<c/r="A6" …>` is not XML,
            // and calamine's parser refuses it.
            None => return Ok((reference, kind)),
            Some(b'/') if i + 1 == tag.len() => return Ok((reference, kind)),
            Some(b'/') => return Err(unsupported(line!())),
            Some(_) => {}
        }
        let name_start = i;
        while tag.get(i).is_some_and(|b| *b != b'=' && !b.is_ascii_whitespace()) {
            i += 1;
        }
        let name = &tag[name_start..i];
        if !valid_name(name) {
            return Err(unsupported(line!()));
        }
        // Spaces around `=` (legal, never written by Excel) step aside rather than risk a different reading.
        let quote = match (tag.get(i), tag.get(i + 1)) {
            (Some(b'='), Some(quote @ (b'"' | b'\''))) => *quote,
            _ => return Err(unsupported(line!())),
        };
        let value_start = i + 2;
        let value_end = value_start + find_short(&tag[value_start..], quote).ok_or_else(|| unsupported(line!()))?;
        let value = &tag[value_start..value_end];
        if value.contains(&b'<') {
            return Err(unsupported(line!()));
        }
        match name {
            b"r" if reference.is_none() => reference = Some(value),
            b"t" if kind.is_none() => kind = Some(value),
            b"r" | b"t" => return Err(unsupported(line!())),
            _ => {}
        }
        i = value_end + 1;
        // Attributes are separated by whitespace.
        if !matches!(tag.get(i), None | Some(b'/')) && !tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            return Err(unsupported(line!()));
        }
    }
}

/// The text of a cell's `<is>…</is>`, which must be all of the cell.
fn inline_string(inner: &[u8]) -> Scan<String> {
    let rest = inner.strip_prefix(b"<is>").ok_or_else(|| unsupported(line!()))?;
    let (text, used) = string_item(rest, 0, b"</is>")?;
    if !rest[used..].iter().all(u8::is_ascii_whitespace) {
        return Err(unsupported(line!()));
    }
    Ok(text)
}

/// A tag as XML allows it, in the narrow form Excel and LibreOffice write: `name`, `/name`, `name attr="v" …`,
/// `name …/`, or a processing instruction. Anything else steps aside (calamine then reports it, or reads it).
fn check_tag(tag: &[u8]) -> Scan<()> {
    if tag.first() == Some(&b'?') && tag.last() == Some(&b'?') {
        return Ok(());
    }
    let closing = tag.first() == Some(&b'/');
    let body = if closing { &tag[1..] } else { tag.strip_suffix(b"/").unwrap_or(tag) };
    let name_end = body.iter().position(u8::is_ascii_whitespace).unwrap_or(body.len());
    if !valid_name(&body[..name_end]) {
        return Err(unsupported(line!()));
    }
    let mut rest = &body[name_end..];
    let mut seen: Vec<&[u8]> = Vec::new();
    loop {
        let trimmed = rest.trim_ascii_start();
        if trimmed.is_empty() {
            return Ok(());
        }
        if closing || trimmed.len() == rest.len() {
            return Err(unsupported(line!()));
        }
        let eq = trimmed.iter().position(|b| *b == b'=').ok_or_else(|| unsupported(line!()))?;
        let name = &trimmed[..eq];
        let quote = *trimmed.get(eq + 1).ok_or_else(|| unsupported(line!()))?;
        if !valid_name(name) || seen.contains(&name) || (quote != b'"' && quote != b'\'') {
            return Err(unsupported(line!()));
        }
        seen.push(name);
        let value = &trimmed[eq + 2..];
        let end = value.iter().position(|b| *b == quote).ok_or_else(|| unsupported(line!()))?;
        if value[..end].contains(&b'<') {
            return Err(unsupported(line!()));
        }
        rest = &value[end + 1..];
    }
}

/// An XML name as spreadsheets write them: ASCII letters first, then letters, digits, `_`, `-`, `.`, `:`.
fn valid_name(name: &[u8]) -> bool {
    name.first().is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        && name.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

/// The first `byte` in a span expected to be short (a tag, an attribute value, a `<v>` number): a plain loop,
/// cheaper there than memchr's vectorised start-up; long spans fall back to memchr.
fn find_short(haystack: &[u8], byte: u8) -> Option<usize> {
    let head = &haystack[..haystack.len().min(64)];
    match head.iter().position(|b| *b == byte) {
        Some(found) => Some(found),
        None if haystack.len() > head.len() => memchr(byte, &haystack[head.len()..]).map(|found| found + head.len()),
        None => None,
    }
}

/// Decimal digits only.
fn parse_number(digits: &[u8]) -> Scan<u32> {
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return Err(unsupported(line!()));
    }
    Ok(digits.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// "E12" → (11, 4), 0-based.
fn cell_reference(reference: &[u8]) -> Scan<(u32, u32)> {
    let digits = reference.iter().position(u8::is_ascii_digit).ok_or_else(|| unsupported(line!()))?;
    let (letters, number) = reference.split_at(digits);
    if letters.is_empty() || letters.len() > 3 || !letters.iter().all(u8::is_ascii_uppercase) {
        return Err(unsupported(line!()));
    }
    let col = letters.iter().fold(0u32, |col, b| col * 26 + u32::from(b - b'A' + 1)) - 1;
    let row = parse_number(number)?.checked_sub(1).ok_or_else(|| unsupported(line!()))?;
    Ok((row, col))
}

/// The value of a `<c>` element from just after its start tag, and the position after `</c>`: a shared string
/// (t="s") or an inline one (t="inlineStr"). Numbers, dates, booleans, errors and formulas step aside — unless the
/// cell's column is not wanted, when only its end is looked for.
fn cell_value<'s>(
    bytes: &[u8],
    at: usize,
    kind: Option<&[u8]>,
    strings: &'s [String],
    wanted: bool,
) -> Scan<(Option<Cow<'s, str>>, usize)> {
    // The common shape, <v>…</v></c>, without searching for the end tag.
    let simple = bytes[at..].strip_prefix(b"<v>").and_then(|rest| {
        let end = find_short(rest, b'<')?;
        rest[end..].starts_with(b"</v></c>").then_some((at + 3, at + 3 + end))
    });
    let (inner, after) = match simple {
        Some((start, end)) => (&bytes[start - 3..end + 4], end + 8),
        None => {
            let end = at + memmem::find(&bytes[at..], b"</c>").ok_or_else(|| unsupported(line!()))?;
            (&bytes[at..end], end + 4)
        }
    };
    // calamine checks every cell, read or not: an unknown type or content steps aside here too.
    if !matches!(kind, None | Some(b"s" | b"inlineStr" | b"str" | b"n" | b"b" | b"e" | b"d")) {
        return Err(unsupported(line!()));
    }
    if inner.is_empty() || (!wanted && simple.is_some() && !inner.contains(&b'&')) {
        return Ok((None, after));
    }
    if !wanted {
        // An inline string is checked even when not read, so that damage inside it steps aside as calamine fails.
        inline_string(inner)?;
        return Ok((None, after));
    }
    match kind {
        Some(b"s") => {
            let text = inner
                .strip_prefix(b"<v>")
                .and_then(|rest| rest.strip_suffix(b"</v>"))
                .ok_or_else(|| unsupported(line!()))?;
            let index = parse_number(text.trim_ascii())? as usize;
            Ok((Some(Cow::Borrowed(strings.get(index).ok_or_else(|| unsupported(line!()))?.as_str())), after))
        }
        Some(b"inlineStr") => Ok((Some(Cow::Owned(inline_string(inner)?)), after)),
        _ => Err(unsupported(line!())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_found_by_whole_name() {
        assert_eq!(attribute(r#" r="A5" s="0" t="s""#, "t"), Some("s"));
        assert_eq!(attribute(r#" name="Sheet1" sheetId="1" r:id="rId1""#, "r:id"), Some("rId1"));
        assert_eq!(attribute(r#" name="Sheet1" sheetId="1" r:id="rId1""#, "id"), None);
        assert_eq!(attribute(r#" Id='rId2' Target="a.xml""#, "Id"), Some("rId2"));
    }

    #[test]
    fn references_and_entities() {
        assert_eq!(cell_reference(b"A1").ok(), Some((0, 0)));
        assert_eq!(cell_reference(b"X35545").ok(), Some((35544, 23)));
        assert_eq!(cell_reference(b"AA3").ok(), Some((2, 26)));
        assert_eq!(byte_attribute(br#"c r="E5" s="0" t="s""#, b"t").ok(), Some(Some(&b"s"[..])));
        assert_eq!(byte_attribute(br#"c r="E5" s="0""#, b"t").ok(), Some(None));
        assert!(byte_attribute(br#"c r = "E5""#, b"r").is_err());
        assert_eq!(cell_attributes(br#"c r="E5" s="0" t="s""#).ok(), Some((Some(&b"E5"[..]), Some(&b"s"[..]))));
        assert_eq!(cell_attributes(br#"c r="A8" s="1"/"#).ok(), Some((Some(&b"A8"[..]), None)));
        assert_eq!(cell_attributes(b"c").ok(), Some((None, None)));
        assert!(cell_attributes(br#"c r ="E5""#).is_err());
        // Found by the property test of tests/meibo_malformed.rs (its saved seed): a `/` inside the tag.
        assert!(cell_attributes(br#"c/r="A6" t='inlineStr""#).is_err());
        assert_eq!(cell_attributes(b"c/").ok(), Some((None, None)));
        assert_eq!(decode(b"a &amp; b &lt;c&gt; &#x3042;&#12354;").ok().as_deref(), Some("a & b <c> \u{3042}\u{3042}"));
        assert!(decode(b"_x000D_").is_err());
    }

    #[test]
    fn shared_strings_skip_phonetic_runs_and_join_rich_text() {
        let xml = r#"<sst uniqueCount="3"><si><t>病院</t><rPh sb="0" eb="2"><t>ビョウイン</t></rPh><phoneticPr fontId="1"/></si><si><r><rPr><b/></rPr><t>地包</t></r><r><t xml:space="preserve">ケア１ </t></r></si><si/></sst>"#;
        assert_eq!(shared_strings(xml).ok(), Some(vec!["病院".to_string(), "地包ケア１ ".to_string(), String::new()]));
        let after_phonetic = r#"<sst><si><rPh sb="0" eb="1"><t>カナ</t></rPh><t>後</t></si></sst>"#;
        assert_eq!(shared_strings(after_phonetic).ok(), Some(vec!["後".to_string()]));
    }
}
