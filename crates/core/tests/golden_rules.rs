//! The English "Golden Rules" of sentence segmentation, a public reference set of
//! 52 cases, each as a test: the input and the sentences a reader expects.

use claimdesk_core::text::segment;

fn check(input: &str, expected: &[&str]) {
    let got: Vec<&str> = segment(input).into_iter().map(|s| s.text).collect();
    assert_eq!(got, expected, "segmenting {input:?}");
}

#[test]
fn r01_simple_period_to_end_sentence() {
    check(
        "Hello World. My name is Jonas.",
        &["Hello World.", "My name is Jonas."],
    );
}

#[test]
fn r02_question_mark_to_end_sentence() {
    check(
        "What is your name? My name is Jonas.",
        &["What is your name?", "My name is Jonas."],
    );
}

#[test]
fn r03_exclamation_point_to_end_sentence() {
    check("There it is! I found it.", &["There it is!", "I found it."]);
}

#[test]
fn r04_one_letter_upper_case_abbreviations() {
    check(
        "My name is Jonas E. Smith.",
        &["My name is Jonas E. Smith."],
    );
}

#[test]
fn r05_one_letter_lower_case_abbreviations() {
    check("Please turn to p. 55.", &["Please turn to p. 55."]);
}

#[test]
fn r06_two_letter_lower_case_abbreviations_in_the_middle() {
    check(
        "Were Jane and co. at the party?",
        &["Were Jane and co. at the party?"],
    );
}

#[test]
fn r07_two_letter_upper_case_abbreviations_in_the_middle() {
    check(
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        &["They closed the deal with Pitt, Briggs & Co. at noon."],
    );
}

#[test]
fn r08_two_letter_lower_case_abbreviations_at_the_end() {
    check(
        "Let's ask Jane and co. They should know.",
        &["Let's ask Jane and co.", "They should know."],
    );
}

#[test]
fn r09_two_letter_upper_case_abbreviations_at_the_end() {
    check(
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        &[
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday.",
        ],
    );
}

#[test]
fn r10_two_letter_prepositive_abbreviations() {
    check(
        "I can see Mt. Fuji from here.",
        &["I can see Mt. Fuji from here."],
    );
}

#[test]
fn r11_two_letter_prepositive_and_postpositive_abbreviations() {
    check(
        "St. Michael's Church is on 5th st. near the light.",
        &["St. Michael's Church is on 5th st. near the light."],
    );
}

#[test]
fn r12_possessive_two_letter_abbreviations() {
    check("That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]);
}

#[test]
fn r13_multi_period_abbreviations_in_the_middle() {
    check(
        "I visited the U.S.A. last year.",
        &["I visited the U.S.A. last year."],
    );
}

#[test]
fn r14_multi_period_abbreviations_at_the_end() {
    check(
        "I live in the E.U. How about you?",
        &["I live in the E.U.", "How about you?"],
    );
}

#[test]
fn r15_us_as_sentence_boundary() {
    check(
        "I live in the U.S. How about you?",
        &["I live in the U.S.", "How about you?"],
    );
}

#[test]
fn r16_us_as_non_boundary_with_next_word_capitalised() {
    check(
        "I work for the U.S. Government in Virginia.",
        &["I work for the U.S. Government in Virginia."],
    );
}

#[test]
fn r17_us_as_non_boundary() {
    check(
        "I have lived in the U.S. for 20 years.",
        &["I have lived in the U.S. for 20 years."],
    );
}

#[test]
fn r18_am_pm_as_non_boundary_and_boundary() {
    check(
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
        &[
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    );
}

#[test]
fn r19_number_as_non_boundary() {
    check(
        "She has $100.00 in her bag.",
        &["She has $100.00 in her bag."],
    );
}

#[test]
fn r20_number_as_boundary() {
    check(
        "She has $100.00. It is in her bag.",
        &["She has $100.00.", "It is in her bag."],
    );
}

#[test]
fn r21_parenthetical_inside_sentence() {
    check(
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        &[
            "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        ],
    );
}

#[test]
fn r22_email_addresses() {
    check(
        "Her email is Jane.Doe@example.com. I sent her an email.",
        &["Her email is Jane.Doe@example.com.", "I sent her an email."],
    );
}

#[test]
fn r23_web_addresses() {
    check(
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
        &[
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out.",
        ],
    );
}

#[test]
fn r24_single_quotations_inside_sentence() {
    check(
        "She turned to him, 'This is great.' she said.",
        &["She turned to him, 'This is great.' she said."],
    );
}

#[test]
fn r25_double_quotations_inside_sentence() {
    check(
        "She turned to him, \"This is great.\" she said.",
        &["She turned to him, \"This is great.\" she said."],
    );
}

#[test]
fn r26_double_quotations_at_the_end_of_a_sentence() {
    check(
        "She turned to him, \"This is great.\" She held the book out to show him.",
        &[
            "She turned to him, \"This is great.\"",
            "She held the book out to show him.",
        ],
    );
}

#[test]
fn r27_double_exclamation_point() {
    check(
        "Hello!! Long time no see.",
        &["Hello!!", "Long time no see."],
    );
}

#[test]
fn r28_double_question_mark() {
    check("Hello?? Who is there?", &["Hello??", "Who is there?"]);
}

#[test]
fn r29_exclamation_point_then_question_mark() {
    check("Hello!? Is that you?", &["Hello!?", "Is that you?"]);
}

#[test]
fn r30_question_mark_then_exclamation_point() {
    check("Hello?! Is that you?", &["Hello?!", "Is that you?"]);
}

#[test]
fn r31_list_period_and_parens_without_final_period() {
    check(
        "1.) The first item 2.) The second item",
        &["1.) The first item", "2.) The second item"],
    );
}

#[test]
fn r32_list_period_and_parens_with_final_period() {
    check(
        "1.) The first item. 2.) The second item.",
        &["1.) The first item.", "2.) The second item."],
    );
}

#[test]
fn r33_list_parens_without_final_period() {
    check(
        "1) The first item 2) The second item",
        &["1) The first item", "2) The second item"],
    );
}

#[test]
fn r34_list_parens_with_final_period() {
    check(
        "1) The first item. 2) The second item.",
        &["1) The first item.", "2) The second item."],
    );
}

#[test]
fn r35_list_period_without_final_period() {
    check(
        "1. The first item 2. The second item",
        &["1. The first item", "2. The second item"],
    );
}

#[test]
fn r36_list_period_with_final_period() {
    check(
        "1. The first item. 2. The second item.",
        &["1. The first item.", "2. The second item."],
    );
}

#[test]
fn r37_list_with_bullet() {
    check(
        "• 9. The first item • 10. The second item",
        &["• 9. The first item", "• 10. The second item"],
    );
}

#[test]
fn r38_list_with_hyphen_bullet() {
    check(
        "⁃9. The first item ⁃10. The second item",
        &["⁃9. The first item", "⁃10. The second item"],
    );
}

#[test]
fn r39_alphabetical_list() {
    check(
        "a. The first item b. The second item c. The third list item",
        &[
            "a. The first item",
            "b. The second item",
            "c. The third list item",
        ],
    );
}

#[test]
fn r40_errant_newline_in_the_middle_of_a_sentence_pdf() {
    check(
        "This is a sentence\ncut off in the middle because pdf.",
        &["This is a sentence\ncut off in the middle because pdf."],
    );
}

#[test]
fn r41_errant_newline_in_the_middle_of_a_sentence() {
    check(
        "It was a cold \nnight in the city.",
        &["It was a cold \nnight in the city."],
    );
}

#[test]
fn r42_lower_case_items_on_separate_lines() {
    check(
        "features\ncontact manager\nevents, activities\n",
        &["features", "contact manager", "events, activities"],
    );
}

#[test]
fn r43_geo_coordinates() {
    check(
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        &[
            "You can find it at N°. 1026.253.553.",
            "That is where the treasure is.",
        ],
    );
}

#[test]
fn r44_named_entity_with_an_exclamation_point() {
    check(
        "She works at Yahoo! in the accounting department.",
        &["She works at Yahoo! in the accounting department."],
    );
}

#[test]
fn r45_i_as_boundary_and_as_initial() {
    check(
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &[
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
        ],
    );
}

#[test]
fn r46_ellipsis_at_the_end_of_a_quotation() {
    check(
        "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
        &[
            "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
        ],
    );
}

#[test]
fn r47_ellipsis_with_square_brackets() {
    check(
        "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
        &["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."],
    );
}

#[test]
fn r48_ellipsis_as_boundary_standard_rules() {
    check(
        "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
        &[
            "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    );
}

#[test]
fn r49_ellipsis_as_boundary_non_standard_rules() {
    check(
        "I never meant that.... She left the store.",
        &["I never meant that....", "She left the store."],
    );
}

#[test]
fn r50_ellipsis_as_non_boundary() {
    check(
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
        &[
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
        ],
    );
}

#[test]
fn r51_four_dot_ellipsis() {
    check(
        "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
        &[
            "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    );
}

#[test]
fn r52_no_whitespace_between_sentences() {
    check(
        "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
        &[
            "Hello world.",
            "Today is Tuesday.",
            "Mr. Smith went to the store and bought 1,000.",
            "That is a lot.",
        ],
    );
}
