"""Source and target of a trigger match: from the subject, passive agent, objects and the
lexicon row's prepositions of a verb, or the possessor, modifiers and prepositions of an
event noun, mapped to actors through the ActorTable."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.table import ActorTable
from eventwire.coding.cues import cue_words
from eventwire.coding.lexicon import by_head
from eventwire.coding.syntax import (
    COOPERATIVE,
    NOUN_POS,
    OBJ,
    SUBJ,
    VERB_POS,
    Match,
    Picked,
    concluded,
    lemma,
)
from eventwire.nlp.quotes import speech_verbs

# children searched (head-most first) when a head word is not itself an actor mention
ACTOR_CHILD_DEPS = ("compound", "poss", "appos", "amod", "nmod", "npadvmod")
# types that restrict a flow of goods or people ("a ban on exports to X" aims at X)
RESTRICTIVE = {"SANCTION", "COERCE"}
RELATIVE = {"who", "which", "that", "whom"}
PRONOUNS = {"it", "they", "he", "she", "we"}
# speech acts about an act of the speaker's own ("refused to", "threatened to", "offered
# to"): the prepositions of that act which name whom it is for or aimed at
ACT_RECIPIENT_PREPS = {
    "REJECT": ("to", "with"),
    "THREATEN": ("to", "with", "against", "on"),
    "AGREE": ("to", "with", "for"),
}
# participles that, after "be" and before "to", state their subject's own stance
STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "devote"}
# force that carries no lexicon trigger of its own ("killed in a US operation")
OPERATION_NOUNS = {"operation", "mission", "offensive", "crackdown", "campaign"}
# material conflict whose author may be named only on the means ("killed in an X airstrike")
FORCE_TYPES = {"ASSAULT", "COERCE"}
# subordinators the parser may take for prepositions ("after X began", "before Y left")
CLAUSE_PREPS = {"after", "before", "since", "until", "as", "when", "while", "because"}
# settled or administrative places: struck inside a state, they stand for the state attacked
PLACE_NOUNS = {
    "village", "town", "city", "province", "region", "district", "county", "territory",
    "settlement", "suburb", "neighbourhood", "neighborhood", "area",
}  # fmt: skip
# prepositions of a verb that name the act in which harm came about
MEANS_PREPS = ("in", "during")
# prepositions of a verb that a request noun sets the verb's act in ("at X's request")
GRANTED_PREPS = ("at", "upon")
# prepositions of a verb of travel that name where the traveller went
DESTINATION_PREPS = ("to", "in", "at")
# prepositions that make talks the occasion of an act ("signed it after talks")
OCCASION_PREPS = ("after", "following", "during", "through", "in")
# nouns a compound event noun stands for ("a mediation mission", "a visit programme")
CONTAINER_NOUNS = {"mission", "effort", "bid", "attempt", "initiative", "process", "programme"}


# --- arguments --------------------------------------------------------------------------


def _actor_of(token: Token, actors: ActorTable, owners: bool = True) -> list[str]:
    """The actors a noun phrase head refers to (several for a compound mention such as
    "both parties"): the head itself, else the head-most dependent (compound, possessive,
    apposition, ...) that is a mention. `owners` lets the owner of an "of" object count
    ("the quality of X's work")."""
    found = actors.actors_for_token(token)
    if found:
        return found
    if token.tag_ == "VBG" and token.dep_ in SUBJ:
        # "The Red Cross operating in Iraq said": a reduced relative the parser took for a
        # clausal subject; its own subject is the speaker
        found = [a for c in token.children if c.dep_ == "nsubj" for a in _actor_of(c, actors)]
        if found:
            return found
    frontier = [token]
    for _ in range(2):
        nxt: list[Token] = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ in ACTOR_CHILD_DEPS:
                    found = actors.actors_for_token(child)
                    if found:
                        return found
                    nxt.append(child)
        frontier = nxt
    # "the government of Kosovo", "a spokesperson for X"
    preps = ("of", "for") if lemma(token) in cue_words("spokesman") else ("of",)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = actors.actors_for_token(pobj)
                    # "the quality of X's work": the owner of the thing
                    found = found or [
                        a
                        for c in pobj.children
                        if c.dep_ == "poss" and owners
                        for a in actors.actors_for_token(c)
                    ]
                    if found:
                        return found
    return []


def actors_of(tokens: list[Token], actors: ActorTable, owners: bool = True) -> Picked:
    out: Picked = []
    for token in tokens:
        # "from the OIC head X, Y and Z": the list may hang on the apposition
        appos = [c for c in token.children if c.dep_ == "appos"]
        for tok in (token, *token.conjuncts, *(c for a in appos for c in a.conjuncts)):
            for actor in _actor_of(tok, actors, owners):
                if all(actor != a for a, _ in out):
                    out.append((actor, tok))
    return out


def _minus(picked: Picked, other: Picked) -> Picked:
    taken = {a for a, _ in other}
    return [(a, t) for a, t in picked if a not in taken]


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "prt", "dative") and child.lower_ in preps:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def subject_tokens(verb: Token) -> tuple[list[Token], list[Token]]:
    """(active subjects / agents, passive subjects) of a verb, inherited through
    coordination, control and participial clauses when the verb has none of its own."""
    subj = [c for c in verb.children if c.dep_ in SUBJ]
    passive = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    # "Chile is opposed to": the parser may hang the subject on the passive auxiliary
    passive += [
        g for c in verb.children if c.dep_ == "auxpass" for g in c.children if g.dep_ in SUBJ
    ]
    subj += _pobjs(verb, ("by",))
    subj = [verb.head if s.lower_ in RELATIVE and verb.dep_ == "relcl" else s for s in subj]
    if passive and not subj and _stative_passive(verb):
        return passive, []  # "Israel is opposed to X": the one opposed to it opposes
    if subj or passive:
        return subj, passive
    head = verb.head
    if head.i == verb.i:  # spaCy makes a new Token per access: compare positions
        return [], []
    if verb.dep_ == "conj" and head.pos_ in VERB_POS | {"AUX"}:
        clause_subj = _clause_subject(verb)
        if clause_subj:
            return clause_subj, []
        if _reporter_partner(verb):
            return subject_tokens(head.head)
        if head.dep_ == "xcomp" and head.tag_ == "VB" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            # "X urged Y to reconsider and spoke with Z": a finite verb is no infinitive's
            # partner, it coordinates with the governing verb
            return subject_tokens(head.head)
        return subject_tokens(head)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
        return subject_tokens(head.head)  # "Syria is willing to withdraw": the copula's
    if verb.dep_ == "xcomp":
        objs = [c for c in head.children if c.dep_ in OBJ]
        return (objs, []) if objs else subject_tokens(head)
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG" and head.pos_ in VERB_POS:
        return subject_tokens(head)
    if verb.dep_ == "advcl" and _infinitive(verb) and head.pos_ in VERB_POS:
        # "X cited security concerns to impose bans": a purpose infinitive is done by the
        # governing verb's subject; a passive subject there is no doer ("troops were sent to")
        return subject_tokens(head)[0], []
    if verb.dep_ == "acl" and head.pos_ in NOUN_POS and verb.tag_ == "VBG":
        if head.dep_ in OBJ and head.head.pos_ in VERB_POS:
            return subject_tokens(head.head)  # "signed a decree banning X"
        return [head], []
    return [], []


def _reporter_partner(verb: Token) -> bool:
    """ "X said the rebels would respect the truce and called on Y to": a finite verb joined
    to a reported clause whose verb is not finite (after a modal or auxiliary: "would
    respect", "had left") does not continue that clause; it is the reporting verb's partner,
    and shares its subject."""
    head = verb.head
    reporter = head.head
    if head.dep_ != "ccomp" or reporter.i == head.i or lemma(reporter) not in speech_verbs():
        return False
    finite = ("VBD", "VBZ", "VBP")
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.tag_ in finite and head.tag_ not in finite and not own_aux


def _clause_subject(verb: Token) -> list[Token]:
    """ "X threatened to retaliate after Y and Z began exercises": the parser may take the
    subordinator for a preposition, its subject for that preposition's object and the
    clause's verb for a partner of the main verb. With no coordinator between them, the
    noun phrase right before the verb, governed by "after", "before", "as", ..., is its
    subject: the clause has one of its own, never the main clause's."""
    head = verb.head
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return []
    start = min([c.i for c in verb.lefts] + [verb.i])
    if start == 0:
        return []
    np_head = verb.doc[start - 1]
    while np_head.dep_ in ("compound", "conj", "flat", "amod") and np_head.head.i < verb.i:
        np_head = np_head.head
    prep = np_head.head
    if np_head.dep_ == "pobj" and prep.lower_ in CLAUSE_PREPS and prep.i > head.i:
        return [np_head]
    return []


def _stative_passive(verb: Token) -> bool:
    """ "is opposed to", "is committed to": a participle naming its subject's stance, not
    something done to it."""
    return lemma(verb) in STATIVE_PASSIVES and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children
    )


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def verb_args(m: Match, actors: ActorTable) -> tuple[Picked, Picked]:
    verb, row = m.head, m.row
    subj, passive = subject_tokens(verb)
    trigger_ids = {t.i for t in m.tokens}
    target_toks = [c for c in verb.children if c.dep_ in OBJ and c.i not in trigger_ids]
    target_toks += passive
    # prepositions may hang on the verb or on the light noun ("sanctions on Iran"), or on a
    # word the parser put between them ("issued a cease and desist order to X")
    content_of = _of_is_content(verb, row.tprep, target_toks, row.pattern)
    preps = tuple(p for p in row.tprep if p != "of") if content_of else row.tprep
    for tok in m.tokens + _light_links(m):
        target_toks += _pobjs(tok, preps)
    # "rejected Chile's demand": the owner of the light noun is the target; but the owner
    # of a commitment or support is on the source's side ("stressed the alliance's support")
    for tok in m.tokens[1:]:
        if tok.dep_ in OBJ and row.pattern == "light" and row.type not in COOPERATIVE | {"AGREE"}:
            target_toks += [c for c in tok.children if c.dep_ == "poss"]
    # "launched missiles targeting X": the object of the weapon's participle
    if row.pattern == "light":
        for tok in m.tokens[1:]:
            for acl in (c for c in tok.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")):
                target_toks += [c for c in acl.children if c.dep_ in OBJ]
                target_toks += _pobjs(acl, ("at",))
    # "expelled Russian diplomats": the nationality of a conflict object is the target
    if row.pattern == "light" and row.type not in COOPERATIVE | {"AGREE"}:
        for tok in m.tokens[1:]:
            target_toks += [c for c in tok.children if c.dep_ in ("amod", "compound")]
    if row.type == "ACCUSE" and row.pattern == "phrasal":
        # "said the crash was X's doing": the owner of the deed
        for tok in m.tokens[1:]:
            target_toks += [c for c in tok.children if c.dep_ == "poss"]
    if row.type in ("REQUEST", "ACCUSE") and not target_toks:
        # "demanded that Russia explain", "asked X to": the clause's subject is the addressee
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp"):
                target_toks += [g for g in child.children if g.dep_ in SUBJ]
    source = actors_of(subj, actors)
    if not source and subj and all(s.lower_ in PRONOUNS for s in subj):
        source = actors_of(_speaker(verb), actors)
    if not source and row.type in FORCE_TYPES and not subj:
        source = actors_of(_means_authors(verb), actors)
    # the parser often hangs the content's "of" on the object: its owner is no target
    target = _minus(actors_of(target_toks, actors, owners=not content_of), source)
    if not target and row.type == "REQUEST":
        target = _minus(actors_of(_requested_agents(verb, m), actors), source)
    if not target and row.type == "CONSULT" and verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS:
        # "after talks mediated by Z": the mediator consults the parties to the talks
        target = _minus(actors_of(_talk_parties(verb.head), actors), source)
    if not target and row.type in ACT_RECIPIENT_PREPS:
        # "refused to provide X with", "threatened to cut off power to X", "offered to meet X"
        recipients = _act_recipients(verb, ACT_RECIPIENT_PREPS[row.type])
        target = _minus(actors_of(recipients, actors), source)
    if not target and row.type == "REJECT":
        # "rejected calls by X", "dismissed an appeal from X": the author of what is refused
        authors = [p for t in target_toks for p in _pobjs(t, ("by", "from"))]
        target = _minus(actors_of(authors, actors), source)
    if not target:
        target = _minus(_place_officials(verb, target_toks, actors), source)
    if not target and row.type in RESTRICTIVE:
        target = _minus(actors_of(_destinations(target_toks), actors), source)
    if not target and row.type == "ASSAULT":
        target = _minus(_attacked_state(verb, target_toks, actors), source)
    if (
        not target
        and row.type == "REQUEST"
        and verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "acl")
    ):
        # "wrote to X asking", "sent a letter requesting ... to X": the letter's addressee
        carrier = verb.head.head if verb.head.pos_ in NOUN_POS else verb.head
        sent_to = _pobjs(carrier, ("to",)) + _pobjs(verb, ("to",))
        target = _minus(actors_of(sent_to, actors), source)
    return source, target


def _of_is_content(verb: Token, preps: tuple[str, ...], objs: list[Token], pattern: str) -> bool:
    """ "reassured officials of NATO's support", "accused X of Y": after a direct object, the
    "of" phrase of a verb names what the object is assured, told or accused of, not whom
    the act aims at (the object is)."""
    has_object = any(o.dep_ == "dobj" and o.head.i == verb.i for o in objs)
    return pattern == "word" and "of" in preps and has_object


def _light_links(m: Match) -> list[Token]:
    """Words the parse puts between a light verb and its noun ("issued a cease and desist
    order": "order" hangs on "desist"); they belong to the noun phrase, so do their
    prepositions."""
    if m.row.pattern != "light":
        return []
    verb, trigger_ids = m.head, {t.i for t in m.tokens}
    return [
        t.head
        for t in m.tokens[1:]
        if t.head.i != verb.i and t.head.head.i == verb.i and t.head.i not in trigger_ids
    ]


def _act_recipients(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    """ "refused to provide the network with a licence", "threatened to break relations with
    X": whom a refused, threatened or promised act is for or aimed at (the infinitive's
    object, dative or recipient phrase) is the one the refusal, threat or promise concerns."""
    out: list[Token] = []
    for act in (c for c in verb.children if c.dep_ == "xcomp"):
        objs = [c for c in act.children if c.dep_ in OBJ]
        # "break relations with X", "continue aid to X": the phrase may hang on the object
        out += objs + _pobjs(act, preps) + [p for o in objs for p in _pobjs(o, preps)]
    return out


def _requested_agents(verb: Token, m: Match) -> list[Token]:
    """ "called for UN intervention", "demanded Russian restraint": an actor modifying the
    requested act is the one asked to perform it. A possessor is left alone: "called for
    his release" names whom the act is for, not who is asked."""
    trigger_ids = {t.i for t in m.tokens}
    acts = [c for c in verb.children if c.dep_ in OBJ and c.i not in trigger_ids]
    acts += _pobjs(verb, ("for",))
    return [c for a in acts for c in a.children if c.dep_ in ("compound", "amod", "nmod")]


def _is_force_noun(noun: Token) -> bool:
    if noun.pos_ not in NOUN_POS:
        return False
    rows = by_head().get(("noun", lemma(noun)), ())
    return lemma(noun) in OPERATION_NOUNS or any(r.type in FORCE_TYPES for r in rows)


def _means_authors(verb: Token) -> list[Token]:
    """ "was killed in a US counter-terrorism operation", "was hurt during an Israeli raid": with
    no agent named, the author of the operation or strike the harm came in is the source."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    return [n for n in _pobjs(verb, MEANS_PREPS) if _is_force_noun(n)]


def _attacked_state(verb: Token, objs: list[Token], actors: ActorTable) -> Picked:
    """ "struck villages in Afghanistan's Khost province", "shelled towns in Syria": PLOVER
    codes an attack on places by the state they lie in, named as the places' owner or in
    their "in"/"of" phrase (which the parser may hang on the verb)."""
    places = [o for o in objs if lemma(o) in PLACE_NOUNS]
    if not places and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in VERB_POS:
        # "struck villages in X, killing 14 people": the harm done in the same strike
        verb = verb.head
        places = [c for c in verb.children if c.dep_ in OBJ and lemma(c) in PLACE_NOUNS]
    if not places:
        return []
    holders = [c for p in places for c in p.children if c.dep_ == "poss"]
    for pobj in [g for p in places for g in _pobjs(p, ("in", "of"))] + _pobjs(verb, ("in",)):
        holders += [pobj, *(c for c in pobj.children if c.dep_ == "poss")]
    out: Picked = []
    for tok in holders:
        for actor in actors.actors_for_token(tok):
            if actors.get(actor).kind == "state" and all(actor != a for a, _ in out):
                out.append((actor, tok))
    return out


def _destinations(things: list[Token]) -> list[Token]:
    """ "restrictions on flights to Cuba": the place a restricted thing goes to or comes
    from is what the restriction aims at."""
    return [g for t in things for g in _pobjs(t, ("to", "from", "into"))]


def _place_officials(verb: Token, objs: list[Token], actors: ActorTable) -> Picked:
    """ "a stop in Bosnia, where he reassured authorities": unnamed officials in a "where"
    clause about a place stand for that place."""
    words = cue_words("officials")
    if not any(lemma(o) in words for o in objs):
        return []
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or not any(c.lower_ == "where" for c in clause.children):
        return []
    return actors_of([clause.head], actors)


def _speaker(verb: Token) -> list[Token]:
    """ "Switzerland said it had expelled ...": a pronoun subject of a reported clause is the
    reporting verb's subject."""
    tok = verb
    # "X said it is willing to withdraw": up through coordination, control and the copula
    while tok.dep_ in ("conj", "xcomp", "acomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "ccomp" or tok.head.pos_ not in VERB_POS:
        return []
    return [c for c in tok.head.children if c.dep_ in SUBJ]


def noun_args(m: Match, actors: ActorTable) -> tuple[Picked, Picked]:
    noun, row = m.head, m.row
    trigger_ids = {t.i for t in m.tokens}
    src_toks = [
        c
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i not in trigger_ids
    ]
    src_toks += _pobjs(noun, row.sprep + ("by", "from"))
    # "the martial law imposed by Marcos"
    for child in noun.children:
        if child.dep_ == "acl":
            src_toks += _pobjs(child, ("by",))
    target_toks = _pobjs(noun, row.tprep)
    frame = _container(noun)
    if frame is not None:
        # "Qatar's mediation effort between X and Y": the container's owner, prepositions
        # and carrier verb are the event noun's
        src_toks += [c for c in frame.children if c.dep_ == "poss"]
        src_toks += _pobjs(frame, row.sprep + ("by", "from"))
        target_toks += _pobjs(frame, row.tprep)
    source: Picked = []
    for tok in src_toks:
        ids = actors.actors_for_token(tok)  # modifiers count only when they are mentions
        if not ids and tok.dep_ == "pobj":
            ids = _actor_of(tok, actors)
        new = [a for a in ids if all(a != b for b, _ in source)]
        if new:
            source += [(a, tok) for a in new]
            source += _minus(actors_of(list(tok.conjuncts), actors), source)
    if not source:
        source = actors_of(_carrier_subjects(frame or noun), actors)
    if not source and concluded(noun) is not None and noun.dep_ in OBJ:
        # "for both parties to implement agreements reached": the parties made them
        source = actors_of(subject_tokens(noun.head)[0], actors)
    owners = [(a, t) for a, t in source if t.dep_ == "poss"]
    if owners and len(owners) < len(source):
        # "its Belarus sanctions", "Russia's Ukraine invasion": the owner acts, a noun
        # modifier beside it is whom the act is aimed at
        modifiers = [(a, t) for a, t in source if t.dep_ in ("compound", "amod", "nmod")]
        source = [p for p in source if p not in modifiers]
        target_toks = [t for _, t in modifiers] + target_toks
    target = _minus(actors_of(target_toks, actors), source)
    if not target:
        target = _minus(actors_of(_carrier_pobjs(frame or noun, row.tprep), actors), source)
    if not target and row.type == "REQUEST":
        target = _minus(actors_of(_granters(noun), actors), source)
    if not target and row.type == "CONSULT":
        target = _minus(actors_of(_hosts(frame or noun), actors), source)
    if not target and row.type == "CONSULT" and source:
        # "X and Y signed a deal after talks mediated by Z": with the mediator as source,
        # the parties who acted on the talks are whom it consulted
        target = _minus(actors_of(_talk_parties(frame or noun), actors), source)
    if not target and row.type in ("ACCUSE", "REJECT") and noun.dep_ == "pobj":
        # "announced it despite criticism by X": the criticism aims at the one who acted
        if noun.head.lower_ in ("despite", "amid") and noun.head.head.pos_ in VERB_POS:
            target = _minus(actors_of(subject_tokens(noun.head.head)[0], actors), source)
    return source, target


def _hosts(noun: Token) -> list[Token]:
    """ "arrived in Peru on a state visit", "flew to Chile for talks": the place a verb of
    travel takes the visitor to hosts the meeting its "on"/"for" phrase names."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "for") or prep.head.pos_ not in VERB_POS:
        return []
    return _pobjs(prep.head, DESTINATION_PREPS)


def _talk_parties(noun: Token) -> list[Token]:
    """ "signed a ceasefire after weeks of talks", "agreed following talks": the subject of
    the verb a talks noun is the occasion of (through "weeks of", "rounds of")."""
    tok = noun
    for _ in range(3):
        prep = tok.head
        if tok.dep_ != "pobj" or prep.dep_ != "prep":
            return []
        if prep.lower_ == "of" and prep.head.pos_ in NOUN_POS:
            tok = prep.head  # "weeks of talks", "a round of talks"
            continue
        if prep.lower_ in OCCASION_PREPS and prep.head.pos_ in VERB_POS:
            return subject_tokens(prep.head)[0]
        return []
    return []


def _container(noun: Token) -> Token | None:
    """The noun an event noun modifies when that noun only frames it ("a mediation mission",
    "a peace effort"), if any."""
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ in NOUN_POS and lemma(head) in CONTAINER_NOUNS:
        return head
    return None


def _granted_act(noun: Token) -> Token | None:
    """The verb a request noun in "at X's request" is attached to, if any."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in GRANTED_PREPS and prep.head.pos_ in VERB_POS:
        return prep.head
    # "then at X's request returned": the parser may leave the preposition without its
    # object and take the noun phrase right after it for the verb's subject
    if noun.dep_ == "nsubj" and noun.head.pos_ in VERB_POS:
        for child in noun.head.children:
            bare = child.dep_ in ("prep", "mark") and not any(True for _ in child.children)
            if bare and child.lower_ in GRANTED_PREPS and child.i == noun.left_edge.i - 1:
                return noun.head
    return None


def _granters(noun: Token) -> list[Token]:
    """ "returned at the Iraqi government's request": the subject of the verb a request noun
    sets in motion is the one who was asked, and acted."""
    verb = _granted_act(noun)
    if verb is None:
        return []
    subj = [s for s in subject_tokens(verb)[0] if s.i != noun.i]
    if not subj and verb.dep_ in ("advcl", "conj", "dep") and verb.head.pos_ in VERB_POS:
        subj = subject_tokens(verb.head)[0]  # "left X, then ... returned": one subject
    return subj


def _carrier_pobjs(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """ "opened a hearing into X", "launched an inquiry into X": the parser often hangs the
    event noun's target phrase on the light verb that carries it."""
    verb = noun.head
    if noun.dep_ not in OBJ or verb.pos_ not in VERB_POS or lemma(verb) not in cue_words("light"):
        return []
    return _pobjs(verb, preps)


def _carrier_subjects(noun: Token) -> list[Token]:
    """Actors lent to an event noun by its clause: the subject of a light verb that carries it
    ("launched an investigation", "arrived on a visit"), or the "from" phrase of a verb whose
    subject it is ("statements of condemnation came from X and Y")."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in NOUN_POS:
        tok = tok.head.head  # "statements of condemnation", "a mission of mediation"
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return _pobjs(tok.head, ("from",))
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    if tok.dep_ not in OBJ and tok.dep_ != "pobj":
        return []
    if verb.pos_ not in VERB_POS or lemma(verb) not in cue_words("light") | cue_words("author"):
        return []
    return subject_tokens(verb)[0]
