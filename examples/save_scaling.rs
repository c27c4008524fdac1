//! Does saving one record cost more with more stored? Times `save_edit` of one changed
//! contact with 1,000, 50,000 and 200,000 contacts stored (native, in-memory backend).
use backoffice::domain::contact::Contact;
use backoffice::domain::record::Entity;
use backoffice::storage::{Db, Edit, MemoryBackend};
use std::time::Instant;

fn main() {
    for n in [1_000usize, 50_000, 200_000] {
        let b = MemoryBackend::new(usize::MAX / 4);
        let (mut db, _) = Db::open(Box::new(b), &backoffice::registry::STORE).unwrap();
        let now = chrono::Utc::now();
        let mut all: Vec<Contact> = (0..n)
            .map(|i| {
                let mut c = Contact::blank(now);
                c.name = format!("Nama Orang {i}");
                c.emails = vec![format!("orang{i}@contoh.co.id")];
                c
            })
            .collect();
        db.save("contacts", &all).unwrap();
        let reps = 200;
        let t = Instant::now();
        for r in 0..reps {
            let i = (r * 7919) % n;
            all[i].role = format!("Peran {r}");
            db.save_edit("contacts", &all, &Edit::replaced(i)).unwrap();
        }
        println!("{n} stored: one save {:?}", t.elapsed() / reps as u32);
    }
}
