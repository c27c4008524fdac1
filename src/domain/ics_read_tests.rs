use super::*;

/// The `icalendar` crate's reading of the same text, in our shapes.
fn reference(text: &str) -> Result<Vec<Component>, String> {
    fn convert(c: &icalendar::parser::Component) -> Component {
        Component {
            name: c.name.as_str().to_ascii_uppercase(),
            properties: c
                .properties
                .iter()
                .map(|p| Property {
                    name: p.name.as_str().to_ascii_uppercase(),
                    params: p
                        .params
                        .iter()
                        .map(|x| Param {
                            key: x.key.as_str().to_ascii_uppercase(),
                            val: x.val.as_ref().map_or("", |v| v.as_str()).to_string(),
                        })
                        .collect(),
                    val: p.val.as_str().to_string(),
                })
                .collect(),
            components: c.components.iter().map(convert).collect(),
        }
    }
    let text = text.trim_start_matches('\u{feff}');
    let unfolded = icalendar::parser::unfold(text);
    icalendar::parser::read_calendar_simple(&unfolded).map(|top| top.iter().map(convert).collect()).map_err(|e| e.to_string())
}

/// Where two trees first differ, as a path of component names and the two properties.
fn difference(a: &[Component], b: &[Component], path: &str) -> Option<String> {
    if a.len() != b.len() {
        return Some(format!("{path}: {} components vs {}", a.len(), b.len()));
    }
    a.iter().zip(b).find_map(|(x, y)| {
        let here = format!("{path}/{}", x.name);
        if x.name != y.name {
            return Some(format!("{here}: vs {}", y.name));
        }
        if let Some((p, q)) = x.properties.iter().zip(&y.properties).find(|(p, q)| p != q) {
            return Some(format!("{here}: {p:?} vs {q:?}"));
        }
        if x.properties.len() != y.properties.len() {
            return Some(format!("{here}: {} properties vs {}", x.properties.len(), y.properties.len()));
        }
        difference(&x.components, &y.components, &here)
    })
}

#[test]
fn every_fixture_reads_as_the_icalendar_crate_reads_it() {
    let dir = format!("{}/../shared/fixtures/ics", env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        match (read(&text), reference(&text)) {
            (Ok(ours), Ok(theirs)) => {
                assert_eq!(difference(&ours, &theirs, ""), None, "{path:?}");
                compared += 1;
            }
            (Err(_), Err(_)) => {}
            (ours, theirs) => panic!("{path:?}: we read {ours:?}, the crate read {theirs:?}"),
        }
    }
    assert!(compared >= 10, "only {compared} fixtures compared");
}

#[test]
fn folded_lines_quoted_parameters_and_colons_in_values() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Rapat \r\n tim: anggaran\r\n\tQ3\r\nATTENDEE;CN=\"Budi; Ani: tim\";ROLE=REQ-PARTICIPANT:mailto:budi@contoh.id\r\nDESCRIPTION:a\\, b\\; c\\nd\\\\e\\:f\\x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let cal = read(text).unwrap();
    assert_eq!(cal.len(), 1);
    let ev = &cal[0].components[0];
    assert_eq!(ev.name, "VEVENT");
    assert_eq!(ev.find_prop("SUMMARY").unwrap().val, "Rapat tim: anggaranQ3");
    let att = ev.find_prop("ATTENDEE").unwrap();
    assert_eq!(att.param("CN"), Some("Budi; Ani: tim"));
    assert_eq!(att.param("ROLE"), Some("REQ-PARTICIPANT"));
    assert_eq!(att.val, "mailto:budi@contoh.id");
    assert_eq!(unescape(&ev.find_prop("DESCRIPTION").unwrap().val), "a, b; c\nd\\e:f\\x");
    // The crate resolves TEXT escapes while reading; we do it when a value is used as text.
    let theirs = reference(text).unwrap();
    let their_ev = &theirs[0].components[0];
    assert_eq!(their_ev.find_prop("DESCRIPTION").unwrap().val, unescape(&ev.find_prop("DESCRIPTION").unwrap().val));
    assert_eq!((their_ev.find_prop("SUMMARY"), their_ev.find_prop("ATTENDEE")), (ev.find_prop("SUMMARY"), Some(att)));
}

#[test]
fn names_are_case_insensitive_and_lf_only_files_are_read() {
    let cal = read("begin:vcalendar\nbegin:vevent\ndtstart;value=date:20250101\nend:VEVENT\nend:vcalendar\n").unwrap();
    let ev = &cal[0].components[0];
    assert_eq!(ev.find_prop("DTSTART").unwrap().param("VALUE"), Some("date"));
}

#[test]
fn an_empty_parameter_name_is_kept_for_the_caller_to_refuse() {
    let cal = read("BEGIN:VEVENT\nDTSTART;;VALUE=DATE-TIME:20140409T093000\nEND:VEVENT").unwrap();
    let p = &cal[0].properties[0];
    assert_eq!(p.params.iter().map(|x| (x.key.as_str(), x.val.as_str())).collect::<Vec<_>>(), vec![("", ""), ("VALUE", "DATE-TIME")]);
}

#[test]
fn broken_structure_says_what_and_where() {
    assert_eq!(read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR").unwrap_err(), ReadError::StrayEnd { line: 3 });
    assert_eq!(
        read("BEGIN:VCALENDAR\nSUMMARY no colon\nEND:VCALENDAR").unwrap_err(),
        ReadError::BadLine { line: 2, text: "SUMMARY no colon".into() }
    );
    assert_eq!(read("SUMMARY:outside\n").unwrap_err(), ReadError::BadLine { line: 1, text: "SUMMARY:outside".into() });
    assert_eq!(read("BEGIN:VCALENDAR\nATTENDEE;CN=\"never closed:x\nEND:VCALENDAR").unwrap_err().line(), Some(2));
    // Cut short: the calendar opened on line 1 is never closed.
    assert_eq!(read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT\n").unwrap_err(), ReadError::Unclosed { line: 1, title: String::new() });
    // Cut inside an event's alarm: the event is named by its title, with the line it starts on.
    assert_eq!(
        read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Rapat anggaran\\, Q1\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n").unwrap_err(),
        ReadError::Unclosed { line: 2, title: "Rapat anggaran, Q1".into() }
    );
    assert_eq!(read("BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR").unwrap_err(), ReadError::StrayEnd { line: 3 });
    assert!(read("BEGIN:VCALENDAR\nBAD NAME:x\nEND:VCALENDAR").is_err());
}

#[test]
fn any_cut_of_any_fixture_is_read_or_refused_without_panicking() {
    let dir = format!("{}/../shared/fixtures/ics", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = String::from_utf8_lossy(&std::fs::read(entry.unwrap().path()).unwrap()).into_owned();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(7).collect();
        for cut in cuts {
            let _ = read(&text[..cut]);
            let _ = read(&text[cut..]);
        }
    }
}
