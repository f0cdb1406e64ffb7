//! The fast reader against calamine on the real 名簿: both must give the same 名簿, field by field, and the fast
//! reader must take the published files (not step aside). The synthetic files of meibo_malformed.rs are compared
//! the same way there.

use std::fs::File;
use std::path::Path;

use hojo::meibo::Meibo;

fn both(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meibo").join(name);
    let fast =
        Meibo::read_fast(&mut File::open(&path).unwrap()).expect("the fast reader takes the published file").unwrap();
    let reference = Meibo::read_with_calamine(&mut File::open(&path).unwrap()).unwrap();
    assert_eq!(fast.institutions.len(), reference.institutions.len());
    for (a, b) in fast.institutions.iter().zip(&reference.institutions) {
        assert_eq!(a, b, "institution {}", b.number);
    }
    assert_eq!(fast, reference);
}

#[test]
fn both_readers_agree_on_yamanashi() {
    both("meibo-19-yamanashi-r0710.xlsx");
}

#[test]
fn both_readers_agree_on_saitama() {
    both("meibo-11-saitama-r0710.xlsx");
}

#[test]
fn both_readers_agree_on_a_meibo_saved_again_by_libreoffice() {
    // What a user's copy looks like after opening and saving it in a spreadsheet program (LibreOffice Calc 7,
    // see tests/fixtures/meibo/README.md): other attributes, empty cells written out, a different string table.
    both("meibo-19-yamanashi-r0710-libreoffice.xlsx");
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meibo/meibo-19-yamanashi-r0710-libreoffice.xlsx");
    let resaved = Meibo::open(&path).unwrap();
    let original =
        Meibo::open(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meibo/meibo-19-yamanashi-r0710.xlsx"))
            .unwrap();
    assert_eq!(resaved.institutions, original.institutions, "saving again changes nothing the reader keeps");
}
