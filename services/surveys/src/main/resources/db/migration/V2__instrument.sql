-- The national instrument of the status analysis, versioned. A version is written with published_at
-- NULL and published by setting it; from then on nothing of that version may change (the triggers
-- below), so every round and every trend over it keeps meaning the same questions. A change is a new
-- version.

CREATE TABLE instrument_version (
    version      integer     PRIMARY KEY CHECK (version > 0),
    name         text        NOT NULL,
    published_at timestamptz
);

-- The labels of the agreement scale: '1' to '5' and 'dont-know'.
CREATE TABLE instrument_scale_label (
    version  integer NOT NULL REFERENCES instrument_version (version),
    value    text    NOT NULL CHECK (value IN ('1', '2', '3', '4', '5', 'dont-know')),
    label_nb text    NOT NULL,
    label_nn text    NOT NULL,
    label_en text    NOT NULL,
    label_da text    NOT NULL,
    PRIMARY KEY (version, value)
);

CREATE TABLE instrument_section (
    version  integer NOT NULL REFERENCES instrument_version (version),
    code     text    NOT NULL,
    position integer NOT NULL,
    title_nb text    NOT NULL,
    title_nn text    NOT NULL,
    title_en text    NOT NULL,
    title_da text    NOT NULL,
    PRIMARY KEY (version, code),
    UNIQUE (version, position)
);

-- An item is a statement answered on the scale, or a free-text question.
CREATE TABLE instrument_item (
    version      integer NOT NULL,
    code         text    NOT NULL,
    section_code text    NOT NULL,
    position     integer NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('scale', 'text')),
    text_nb      text    NOT NULL,
    text_nn      text    NOT NULL,
    text_en      text    NOT NULL,
    text_da      text    NOT NULL,
    PRIMARY KEY (version, code),
    FOREIGN KEY (version, section_code) REFERENCES instrument_section (version, code),
    UNIQUE (version, section_code, position)
);

CREATE FUNCTION instrument_version_is_published(v integer) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM instrument_version WHERE version = v AND published_at IS NOT NULL)
$$;

-- No insert, update or delete of a published version's parts.
CREATE FUNCTION instrument_part_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND instrument_version_is_published(OLD.version) THEN
        RAISE EXCEPTION 'instrument version % is published and cannot change', OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND instrument_version_is_published(NEW.version) THEN
        RAISE EXCEPTION 'instrument version % is published and cannot change', NEW.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

-- A version may be published once (published_at from NULL to a time); a published one never changes.
CREATE FUNCTION instrument_version_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'instrument version % is published and cannot change', OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER instrument_version_immutable BEFORE UPDATE OR DELETE ON instrument_version
    FOR EACH ROW EXECUTE FUNCTION instrument_version_unchanged();
CREATE TRIGGER instrument_scale_label_immutable BEFORE INSERT OR UPDATE OR DELETE ON instrument_scale_label
    FOR EACH ROW EXECUTE FUNCTION instrument_part_unchanged();
CREATE TRIGGER instrument_section_immutable BEFORE INSERT OR UPDATE OR DELETE ON instrument_section
    FOR EACH ROW EXECUTE FUNCTION instrument_part_unchanged();
CREATE TRIGGER instrument_item_immutable BEFORE INSERT OR UPDATE OR DELETE ON instrument_item
    FOR EACH ROW EXECUTE FUNCTION instrument_part_unchanged();

-- Version 1.
INSERT INTO instrument_version (version, name) VALUES (1, 'Ståstedsanalyse for skoleledelse, versjon 1');

INSERT INTO instrument_scale_label (version, value, label_nb, label_nn, label_en, label_da) VALUES
    (1, '1', 'Helt uenig', 'Heilt ueinig', 'Strongly disagree', 'Helt uenig'),
    (1, '2', 'Litt uenig', 'Litt ueinig', 'Somewhat disagree', 'Delvist uenig'),
    (1, '3', 'Verken enig eller uenig', 'Verken einig eller ueinig', 'Neither agree nor disagree', 'Hverken enig eller uenig'),
    (1, '4', 'Litt enig', 'Litt einig', 'Somewhat agree', 'Delvist enig'),
    (1, '5', 'Helt enig', 'Heilt einig', 'Strongly agree', 'Helt enig'),
    (1, 'dont-know', 'Vet ikke', 'Veit ikkje', 'Don''t know', 'Ved ikke');

INSERT INTO instrument_section (version, code, position, title_nb, title_nn, title_en, title_da) VALUES
    (1, 'learning', 1, 'Oppfølging av elevenes læringsprosesser', 'Oppfølging av læringsprosessane til elevane',
        'Following up pupils'' learning processes', 'Opfølgning af elevernes læreprocesser'),
    (1, 'collaboration', 2, 'Samarbeid og organisasjonsbygging', 'Samarbeid og organisasjonsbygging',
        'Collaboration and organisation building', 'Samarbejde og organisationsopbygning'),
    (1, 'development', 3, 'Utvikling og endring', 'Utvikling og endring',
        'Development and change', 'Udvikling og forandring'),
    (1, 'governance', 4, 'Styring og administrasjon', 'Styring og administrasjon',
        'Governance and administration', 'Styring og administration'),
    (1, 'role-clarity', 5, 'Rolleavklaring', 'Rolleavklaring',
        'Role clarity', 'Rolleafklaring'),
    (1, 'comments', 6, 'Utdypende kommentarer', 'Utdjupande kommentarar',
        'Further comments', 'Uddybende kommentarer');

INSERT INTO instrument_item (version, code, section_code, position, kind, text_nb, text_nn, text_en, text_da) VALUES
    (1, 'learning-1', 'learning', 1, 'scale',
        'Skoleledelsen følger systematisk opp elevenes læringsresultater.',
        'Skuleleiinga følgjer systematisk opp læringsresultata til elevane.',
        'The school leadership systematically follows up pupils'' learning outcomes.',
        'Skoleledelsen følger systematisk op på elevernes læringsresultater.'),
    (1, 'learning-2', 'learning', 2, 'scale',
        'Vi bruker resultater fra kartlegginger og prøver i dialog med lærerne.',
        'Vi bruker resultat frå kartleggingar og prøver i dialog med lærarane.',
        'We use results from assessments and tests in dialogue with the teachers.',
        'Vi bruger resultater fra kortlægninger og test i dialog med lærerne.'),
    (1, 'learning-3', 'learning', 3, 'scale',
        'Skoleledelsen observerer undervisning og gir lærerne tilbakemeldinger.',
        'Skuleleiinga observerer undervisning og gir lærarane tilbakemeldingar.',
        'The school leadership observes teaching and gives teachers feedback.',
        'Skoleledelsen observerer undervisning og giver lærerne feedback.'),
    (1, 'learning-4', 'learning', 4, 'scale',
        'Vi har felles forventninger til hvordan elevenes læring skal følges opp.',
        'Vi har felles forventingar til korleis læringa til elevane skal følgjast opp.',
        'We share expectations of how pupils'' learning is to be followed up.',
        'Vi har fælles forventninger til, hvordan elevernes læring skal følges op.'),
    (1, 'collaboration-1', 'collaboration', 1, 'scale',
        'Lærerne samarbeider jevnlig om planlegging og vurdering.',
        'Lærarane samarbeider jamleg om planlegging og vurdering.',
        'Teachers regularly collaborate on planning and assessment.',
        'Lærerne samarbejder jævnligt om planlægning og evaluering.'),
    (1, 'collaboration-2', 'collaboration', 2, 'scale',
        'Skoleledelsen legger til rette for profesjonelle læringsfellesskap.',
        'Skuleleiinga legg til rette for profesjonelle læringsfellesskap.',
        'The school leadership enables professional learning communities.',
        'Skoleledelsen skaber rammer for professionelle læringsfællesskaber.'),
    (1, 'collaboration-3', 'collaboration', 3, 'scale',
        'Ansvar og oppgaver i ledergruppen er tydelig fordelt.',
        'Ansvar og oppgåver i leiargruppa er tydeleg fordelte.',
        'Responsibilities and tasks within the leadership team are clearly divided.',
        'Ansvar og opgaver i ledergruppen er tydeligt fordelt.'),
    (1, 'collaboration-4', 'collaboration', 4, 'scale',
        'Vi samarbeider godt med foreldre og lokalsamfunn.',
        'Vi samarbeider godt med foreldre og lokalsamfunn.',
        'We collaborate well with parents and the local community.',
        'Vi samarbejder godt med forældre og lokalsamfund.'),
    (1, 'development-1', 'development', 1, 'scale',
        'Skolen har en felles forståelse av hva som skal utvikles.',
        'Skulen har ei felles forståing av kva som skal utviklast.',
        'The school shares an understanding of what is to be developed.',
        'Skolen har en fælles forståelse af, hvad der skal udvikles.'),
    (1, 'development-2', 'development', 2, 'scale',
        'Utviklingsarbeidet bygger på kunnskap om egen praksis.',
        'Utviklingsarbeidet byggjer på kunnskap om eigen praksis.',
        'Development work builds on knowledge of our own practice.',
        'Udviklingsarbejdet bygger på viden om egen praksis.'),
    (1, 'development-3', 'development', 3, 'scale',
        'Skoleledelsen leder endringsprosesser slik at de blir gjennomført.',
        'Skuleleiinga leier endringsprosessar slik at dei blir gjennomførte.',
        'The school leadership leads change processes through to completion.',
        'Skoleledelsen leder forandringsprocesser, så de bliver gennemført.'),
    (1, 'development-4', 'development', 4, 'scale',
        'Vi vurderer jevnlig om tiltakene virker.',
        'Vi vurderer jamleg om tiltaka verkar.',
        'We regularly evaluate whether our measures work.',
        'Vi vurderer jævnligt, om indsatserne virker.'),
    (1, 'governance-1', 'governance', 1, 'scale',
        'Skolens mål og planer henger sammen med skoleeierens mål.',
        'Måla og planane til skulen heng saman med måla til skuleeigaren.',
        'The school''s goals and plans align with the school owner''s goals.',
        'Skolens mål og planer hænger sammen med skoleejerens mål.'),
    (1, 'governance-2', 'governance', 2, 'scale',
        'Ressurser fordeles ut fra elevenes behov.',
        'Ressursar blir fordelte ut frå behova til elevane.',
        'Resources are allocated according to pupils'' needs.',
        'Ressourcer fordeles ud fra elevernes behov.'),
    (1, 'governance-3', 'governance', 3, 'scale',
        'Administrative oppgaver tar ikke tid fra pedagogisk ledelse.',
        'Administrative oppgåver tek ikkje tid frå pedagogisk leiing.',
        'Administrative tasks do not take time from pedagogical leadership.',
        'Administrative opgaver tager ikke tid fra pædagogisk ledelse.'),
    (1, 'governance-4', 'governance', 4, 'scale',
        'Skolen har gode rutiner for oppfølging av lover og forskrifter.',
        'Skulen har gode rutinar for oppfølging av lover og forskrifter.',
        'The school has good routines for complying with laws and regulations.',
        'Skolen har gode rutiner for at overholde love og bekendtgørelser.'),
    (1, 'role-clarity-1', 'role-clarity', 1, 'scale',
        'Jeg vet hva skoleeier forventer av meg som leder.',
        'Eg veit kva skuleeigaren forventar av meg som leiar.',
        'I know what the school owner expects of me as a leader.',
        'Jeg ved, hvad skoleejeren forventer af mig som leder.'),
    (1, 'role-clarity-2', 'role-clarity', 2, 'scale',
        'Rollene mellom rektor og andre ledere er avklart.',
        'Rollene mellom rektor og andre leiarar er avklarte.',
        'The roles of the principal and other leaders are clarified.',
        'Rollerne mellem skoleleder og andre ledere er afklaret.'),
    (1, 'role-clarity-3', 'role-clarity', 3, 'scale',
        'Lærerne vet hvem i ledelsen de skal henvende seg til.',
        'Lærarane veit kven i leiinga dei skal vende seg til.',
        'Teachers know whom in the leadership to turn to.',
        'Lærerne ved, hvem i ledelsen de skal henvende sig til.'),
    (1, 'role-clarity-4', 'role-clarity', 4, 'scale',
        'Jeg har handlingsrom til å lede i tråd med skolens mål.',
        'Eg har handlingsrom til å leie i tråd med måla til skulen.',
        'I have room to lead in line with the school''s goals.',
        'Jeg har handlerum til at lede i tråd med skolens mål.'),
    (1, 'comments-1', 'comments', 1, 'text',
        'Er det noe annet du vil si om ledelsen ved skolen?',
        'Er det noko anna du vil seie om leiinga ved skulen?',
        'Is there anything else you would like to say about leadership at the school?',
        'Er der andet, du vil sige om ledelsen på skolen?');

UPDATE instrument_version SET published_at = now() WHERE version = 1;
