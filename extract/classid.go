package extract

// Class ids: every token carries, besides its class bits (cPronoun...),
// the set of the word classes below that its lower-case form belongs to,
// computed once per word when the vocabulary is built. A rule tests
// t.in(lcConductNoun) where it would look t.low up in the class's map
// (lexicon.in), and lexicon.has(lcConductNoun, w) for a word that is no
// token's: one bit test, or one map lookup, instead of two string-keyed
// lookups. A class read only by name has no id; to give it one, add it to
// the constants and to classIDNames.

// classID is a word class read by id.
type classID uint16

const (
	lcInstitution classID = iota
	lcCopula
	lcImpersonalVerb
	lcImpersonalCopula
	lcParticipleOpener
	lcWithAdverb
	lcComitative
	lcListOpener
	lcNegativeOpener
	lcFiniteBe
	lcIntentionMarker
	lcFiniteAfter
	lcProVerb
	lcAidNoun
	lcMakerSuffix
	lcNameParticle
	lcOfficeHolder
	lcOfficeNoun
	lcAllyLike
	lcNameArticle
	lcNameArticleCapital
	lcSayVerb
	lcPossessedRecipient
	lcGoodsAdjective
	lcGoodsPairFirst
	lcGoodsPairSecond
	lcSupplyNounModifier
	lcPurposeVerb
	lcNumberWord
	lcToVerb
	lcTradeLemma
	lcVerbContext
	lcNounCue
	lcTimePreposition
	lcGoodsUser
	lcRecipientNoun
	lcCarryArrival
	lcCarryCue
	lcRegardVerb
	lcDismissive
	lcMoveNoun
	lcActNamedBy
	lcPactNoun
	lcThatVerb
	lcActVerb
	lcHarbourVerb
	lcHarbouredNoun
	lcHavenVerb
	lcHavenNoun
	lcActModifier
	lcActSeries
	lcDeedObjectVerb
	lcAspectVerb
	lcDeniedAct
	lcSpeakerPronoun
	lcPossessivePronoun
	lcEvidenceNoun
	lcAsideAct
	lcAccusationVerb
	lcModal
	lcConditionalModal
	lcCondition
	lcNonStateTitle
	lcNonStateModifier
	lcPartyModifier
	lcInstitutionAdjective
	lcTitlePreposition
	lcNameTitle
	lcStateBody
	lcStateBodyModified
	lcOfficialPrep
	lcOfficialRole
	lcRoleComplement
	lcSpecialPact
	lcSpecialExercises
	lcBlameNoun
	lcSpeechNoun
	lcDoVerb
	lcRank
	lcFactTo
	lcListVerb
	lcRelativeAdverb
	lcAsideStart
	lcClauseOpener
	lcDeterminer
	lcNounDeterminer
	lcBlocNoun
	lcBlocGrouping
	lcOthersNoun
	lcMutualAid
	lcMutualVerb
	lcHisState
	lcNameHead
	lcWhatCalled
	lcPassiveAdverb
	lcFollowVerb
	lcAlliesLink
	lcAllyLink
	lcAllyNpWord
	lcPactCue
	lcPactVerb
	lcPactTitleCue
	lcNotPactCue
	lcExerciseCue
	lcTiesCue
	lcRecognitionNoun
	lcSwitchVerb
	lcNameHedge
	lcRecognitionObject
	lcDecisionNoun
	lcJointActivity
	lcJointCue
	lcRankPreposition
	lcCompletedOpener
	lcApposedDet
	lcStepModifier
	lcJoinAside
	lcJoinVerb
	lcBindParticiple
	lcTrainPartner
	lcSpecialTrained
	lcPoliticalAlly
	lcCommitVerb
	lcHeldParticiple
	lcHostileParticiple
	lcBenignObject
	lcTwoSenseVerb
	lcAttributionAside
	lcChargeNoun
	lcDeedNoun
	lcAgentOf
	lcMemberBody
	lcClaimFiller
	lcClaimFillerNear
	lcDenialParticle
	lcLinkedTo
	lcLinkedBy
	lcLinkedWith
	lcClaimParticiple
	lcDenialNothing
	lcDenialKind
	lcDeniedCharge
	lcClaimedRight
	lcDenialEvent
	lcInvolvementVerb
	lcInvolvementNoun
	lcInvolvementState
	lcLinkedAct
	lcExerciseNoun
	lcDenialTail
	lcHearsayAdverb
	lcHearsayParticiple
	lcUsePrep
	lcAmountWord
	lcAmountPreposition
	lcFiniteAux
	lcRelativeOpener
	lcCopulaAdverb
	lcHelpVerb
	lcAmountPeriod
	lcVerbParticle
	lcCompanyHead
	lcGoodsBacker
	lcPurposeNoun
	lcPlanDropped
	lcAgreementNoun
	lcAgreedParticiple
	lcBackingParticiple
	lcNamePrefixParticiple
	lcCleftRelative
	lcSaidObject
	lcExclusion
	lcArmyRef
	lcJuntaRef
	lcMinistryRef
	lcGovernmentRef
	lcBodyHead
	lcStateNoun
	lcOwnedHead
	lcForcesHead
	lcBodyOfHead
	lcBodyOfModifier
	lcChainCoordinator
	lcContractModifier
	lcPlaceHead
	lcBodyPrefix
	lcShortNoun
	lcDocumentNoun
	lcCarrierNoun
	lcPlacePreposition
	lcGenericDeterminer
	lcControlVerb
	lcTimeWord
	lcMembersNoun
	lcMovementHead
	lcCompanySuffix
	lcCurrency
	lcCondemnPredicate
	lcConductNoun
	lcHostileEvaluation
	lcHostileModifier
	lcEvaluationLink
	lcEvaluationHead
	lcEvaluationOf
	lcBearVerb
	lcResponsibilityNoun
	lcAccountable
	lcJudgedClaim
	lcConcernWord
	lcActParticiple
	lcLiesWith
	lcArmedAct
	lcAskedParticiple
	lcAskedTopic
	lcAskedOpener
	lcDeniedAccount
	lcHaveVerb
	lcLackVerb
	lcBasisNoun
	lcParticipleHead
	lcGapTail
	lcTakeVerb
	lcRecognitionGrant
	lcRegionModifier
	lcDescriptionWord
	lcDescriptionNoun
	lcDescriptionCapital
	lcAttackWord
	lcReciprocalWord
	lcPactClauseOpener
	lcPactTopicHead
	lcPartitive
	lcTerritoryRef
	lcTerritoryNoun
	lcCountNoun
	lcIrregularPast
	lcSovereigntyNoun
	lcRecogniseAsVerb
	lcRecognisedAsHead
	lcRecognisedAsStatus
	lcRecognitionHolder
	lcParticleFrame
	lcWithFrame
	lcTakePart
	lcStateBodyOf
	lcOfPatient
	lcIdiomVerb
	lcDefiniteDeterminer
	lcContentPreposition
	lcIdiomObject
	lcReciprocalFirst
	lcReciprocalSecond
	lcWithNoun
	lcRelativeWhich
	lcSpecialCalled
	lcSpecialSaid
	lcAttemptVerb
	lcSpeakerBody
	lcFactNoun
	lcFactJudgement
	lcFactMatch
	lcDeedVerb
	lcPayrollOwned
	lcPayeeNoun
	lcGroupSponsor
	lcCauseResult
	lcCauseNoun
	lcCauseVerb
	lcHarmNoun
	lcAsCompound
	lcComplementizer
	lcPlanVerb
	lcBlamedWeapon
	lcSourceNoun
	lcProgrammeNoun
	lcTiesEstablish
	lcTiesNoun
	lcTiesModifier
	lcNewStateWord
	lcIndependenceVerb
	lcProspectPreposition
	lcProspectModifier
	lcPledgeNoun
	lcOwnForces
	lcArmyModified
	lcCoSupplier
	lcLikelihood
	lcTradeGoods
	lcTradeMeasure
	lcGiftLemma
	lcTopicOpener
	lcCargoNoun
	lcNewsNoun
	lcCounterpartNoun
	lcTimeAdverb
	lcTimeOpener
	lcTimeNoun
	lcOutVerb
	lcFindingNoun
	lcInterviewerLabel
	lcFemaleWord
	lcMaleWord
	lcRankAbbreviation
	lcJuntaHead
	lcJuntaModifier
	lcArmyLed
	lcRebelNoun
	lcMemberNoun
	lcGroupNameHead
	lcCommuniqueNoun
	lcExerciseOff
	lcOffVerb
	lcObserverNoun
	lcEnterVerb
	lcOpenTies
	lcSignedDocument
	lcDocVerb
	lcTopicPreposition
	lcShareWord
	lcAssentVerb
	lcInAdverbial
	lcFireVerb
	lcOwnerBody
	lcThatCharge
	lcCondemnedDeed
	lcFundLemma
	lcMakerParticiple
	lcMakeLemma
	lcInvolveVerb
	lcInvertedAux
	lcPlaceOfHead
	lcMutualNoun
	lcComparisonWord
	lcPeopleNoun
	lcGappedGoodsWord
	lcGoVerb
	lcGoodsCollective
	lcProjectNoun

	lcMeasureNoun
	lcForcesModifier
	// the sixteenth session's classes, read in every sentence
	lcProObject
	lcExamplesOpener
	lcExamplesFirst
	lcExamplesHead
	lcExamplesPunct
	lcExamplesClause
	lcExamplesModifier
	lcExamplesSkip
	lcAnswerDeterminer
	lcDocumentDeterminer
	lcClaimSource
	lcHallmarkNoun
	lcProTarget
	lcProStop
	lcProLead
	lcProPastFollow
	lcIssueVerb
	lcHonorific
	lcTiesRestore
	lcStatePlural
	lcPartyDocument
	lcSignVerb
	lcHearsayNoun
	lcDegreeWord
	// the twentieth session's
	lcClauseConjunction
	// the twenty-first session's
	lcWireSlug
	lcPairBond
	lcPairAdversary
	// the twenty-second session's
	lcGerundNounHead
	lcGivingVerb
	lcReliefWord
	lcAmountLead
	// the twenty-third session's
	lcFingerVerb
	lcFingerNoun
	lcDoorNoun
	lcBlameObjectVerb
	// the twenty-fifth session's
	lcProspectNear
	// the twenty-fifth session's (speed: read by the relations)
	lcForFrame
	lcToFrame
	lcQuestionOpener
	lcAllyAdjective
	lcPastAlly
	lcDefendVerb
	lcMarketNoun
	lcProObjectFinal
	numClassIDs // the number of class ids

	// an id past these belongs to no lexicon class: classWords sets it
	// from other classes, so that a rule tests one bit for several
	idRefAnchor // a word bareDeterminer looks for (refAnchorCls, refAnchorIDs)
	numIDs      // the number of ids a classSet holds
)

// classIDNames names the lexicon class of each class id.
var classIDNames = [numClassIDs]string{
	lcInstitution:          "institution",
	lcCopula:               "copula",
	lcImpersonalVerb:       "impersonal-verb",
	lcImpersonalCopula:     "impersonal-copula",
	lcParticipleOpener:     "participle-opener",
	lcWithAdverb:           "with-adverb",
	lcComitative:           "comitative",
	lcListOpener:           "list-opener",
	lcNegativeOpener:       "negative-opener",
	lcFiniteBe:             "finite-be",
	lcIntentionMarker:      "intention-marker",
	lcFiniteAfter:          "finite-after",
	lcProVerb:              "pro-verb",
	lcAidNoun:              "aid-noun",
	lcMakerSuffix:          "maker-suffix",
	lcNameParticle:         "name-particle",
	lcOfficeHolder:         "office-holder",
	lcOfficeNoun:           "office-noun",
	lcAllyLike:             "ally-like",
	lcNameArticle:          "name-article",
	lcNameArticleCapital:   "name-article-capital",
	lcSayVerb:              "say-verb",
	lcPossessedRecipient:   "possessed-recipient",
	lcGoodsAdjective:       "goods-adjective",
	lcGoodsPairFirst:       "goods-pair-first",
	lcGoodsPairSecond:      "goods-pair-second",
	lcSupplyNounModifier:   "supply-noun-modifier",
	lcPurposeVerb:          "purpose-verb",
	lcNumberWord:           "number-word",
	lcToVerb:               "to-verb",
	lcTradeLemma:           "trade-lemma",
	lcVerbContext:          "verb-context",
	lcNounCue:              "noun-cue",
	lcTimePreposition:      "time-preposition",
	lcGoodsUser:            "goods-user",
	lcRecipientNoun:        "recipient-noun",
	lcCarryArrival:         "carry-arrival",
	lcCarryCue:             "carry-cue",
	lcRegardVerb:           "regard-verb",
	lcDismissive:           "dismissive",
	lcMoveNoun:             "move-noun",
	lcActNamedBy:           "act-named-by",
	lcPactNoun:             "pact-noun",
	lcThatVerb:             "that-verb",
	lcActVerb:              "act-verb",
	lcHarbourVerb:          "harbour-verb",
	lcHarbouredNoun:        "harboured-noun",
	lcHavenVerb:            "haven-verb",
	lcHavenNoun:            "haven-noun",
	lcActModifier:          "act-modifier",
	lcActSeries:            "act-series",
	lcDeedObjectVerb:       "deed-object-verb",
	lcAspectVerb:           "aspect-verb",
	lcDeniedAct:            "denied-act",
	lcSpeakerPronoun:       "speaker-pronoun",
	lcPossessivePronoun:    "possessive-pronoun",
	lcEvidenceNoun:         "evidence-noun",
	lcAsideAct:             "aside-act",
	lcAccusationVerb:       "accusation-verb",
	lcModal:                "modal",
	lcConditionalModal:     "conditional-modal",
	lcCondition:            "condition",
	lcNonStateTitle:        "non-state-title",
	lcNonStateModifier:     "non-state-modifier",
	lcPartyModifier:        "party-modifier",
	lcInstitutionAdjective: "institution-adjective",
	lcTitlePreposition:     "title-preposition",
	lcNameTitle:            "name-title",
	lcStateBody:            "state-body",
	lcStateBodyModified:    "state-body-modified",
	lcOfficialPrep:         "official-prep",
	lcOfficialRole:         "official-role",
	lcRoleComplement:       "role-complement",
	lcSpecialPact:          "special-pact",
	lcSpecialExercises:     "special-exercises",
	lcBlameNoun:            "blame-noun",
	lcSpeechNoun:           "speech-noun",
	lcDoVerb:               "do-verb",
	lcRank:                 "rank",
	lcFactTo:               "fact-to",
	lcListVerb:             "list-verb",
	lcRelativeAdverb:       "relative-adverb",
	lcAsideStart:           "aside-start",
	lcClauseOpener:         "clause-opener",
	lcDeterminer:           "determiner",
	lcNounDeterminer:       "noun-determiner",
	lcBlocNoun:             "bloc-noun",
	lcBlocGrouping:         "bloc-grouping",
	lcOthersNoun:           "others-noun",
	lcMutualAid:            "mutual-aid",
	lcMutualVerb:           "mutual-verb",
	lcHisState:             "his-state",
	lcNameHead:             "name-head",
	lcWhatCalled:           "what-called",
	lcPassiveAdverb:        "passive-adverb",
	lcFollowVerb:           "follow-verb",
	lcAlliesLink:           "allies-link",
	lcAllyLink:             "ally-link",
	lcAllyNpWord:           "ally-np-word",
	lcPactCue:              "pact-cue",
	lcPactVerb:             "pact-verb",
	lcPactTitleCue:         "pact-title-cue",
	lcNotPactCue:           "not-pact-cue",
	lcExerciseCue:          "exercise-cue",
	lcTiesCue:              "ties-cue",
	lcRecognitionNoun:      "recognition-noun",
	lcSwitchVerb:           "switch-verb",
	lcNameHedge:            "name-hedge",
	lcRecognitionObject:    "recognition-object",
	lcDecisionNoun:         "decision-noun",
	lcJointActivity:        "joint-activity",
	lcJointCue:             "joint-cue",
	lcRankPreposition:      "rank-preposition",
	lcCompletedOpener:      "completed-opener",
	lcApposedDet:           "apposed-det",
	lcStepModifier:         "step-modifier",
	lcJoinAside:            "join-aside",
	lcJoinVerb:             "join-verb",
	lcTrainPartner:         "train-partner",
	lcSpecialTrained:       "special-trained",
	lcPoliticalAlly:        "political-ally",
	lcCommitVerb:           "commit-verb",
	lcBindParticiple:       "bind-participle",
	lcHeldParticiple:       "held-participle",
	lcHostileParticiple:    "hostile-participle",
	lcBenignObject:         "benign-object",
	lcTwoSenseVerb:         "two-sense-verb",
	lcAttributionAside:     "attribution-aside",
	lcChargeNoun:           "charge-noun",
	lcDeedNoun:             "deed-noun",
	lcAgentOf:              "agent-of",
	lcMemberBody:           "member-body",
	lcClaimFiller:          "claim-filler",
	lcClaimFillerNear:      "claim-filler-near",
	lcDenialParticle:       "denial-particle",
	lcLinkedTo:             "linked-to",
	lcLinkedBy:             "linked-by",
	lcLinkedWith:           "linked-with",
	lcClaimParticiple:      "claim-participle",
	lcDenialNothing:        "denial-nothing",
	lcDenialKind:           "denial-kind",
	lcDeniedCharge:         "denied-charge",
	lcClaimedRight:         "claimed-right",
	lcDenialEvent:          "denial-event",
	lcInvolvementVerb:      "involvement-verb",
	lcInvolvementNoun:      "involvement-noun",
	lcInvolvementState:     "involvement-state",
	lcLinkedAct:            "linked-act",
	lcExerciseNoun:         "exercise-noun",
	lcDenialTail:           "denial-tail",
	lcHearsayAdverb:        "hearsay-adverb",
	lcHearsayParticiple:    "hearsay-participle",
	lcUsePrep:              "use-prep",
	lcAmountWord:           "amount-word",
	lcAmountPreposition:    "amount-preposition",
	lcFiniteAux:            "finite-aux",
	lcRelativeOpener:       "relative-opener",
	lcCopulaAdverb:         "copula-adverb",
	lcHelpVerb:             "help-verb",
	lcAmountPeriod:         "amount-period",
	lcVerbParticle:         "verb-particle",
	lcCompanyHead:          "company-head",
	lcGoodsBacker:          "goods-backer",
	lcPurposeNoun:          "purpose-noun",
	lcPlanDropped:          "plan-dropped",
	lcAgreementNoun:        "agreement-noun",
	lcAgreedParticiple:     "agreed-participle",
	lcBackingParticiple:    "backing-participle",
	lcNamePrefixParticiple: "name-prefix-participle",
	lcCleftRelative:        "cleft-relative",
	lcSaidObject:           "said-object",
	lcExclusion:            "exclusion",
	lcArmyRef:              "army-ref",
	lcJuntaRef:             "junta-ref",
	lcMinistryRef:          "ministry-ref",
	lcGovernmentRef:        "government-ref",
	lcBodyHead:             "body-head",
	lcStateNoun:            "state-noun",
	lcOwnedHead:            "owned-head",
	lcForcesHead:           "forces-head",
	lcBodyOfHead:           "body-of-head",
	lcBodyOfModifier:       "body-of-modifier",
	lcChainCoordinator:     "chain-coordinator",
	lcContractModifier:     "contract-modifier",
	lcPlaceHead:            "place-head",
	lcBodyPrefix:           "body-prefix",
	lcShortNoun:            "short-noun",
	lcDocumentNoun:         "document-noun",
	lcCarrierNoun:          "carrier-noun",
	lcPlacePreposition:     "place-preposition",
	lcGenericDeterminer:    "generic-determiner",
	lcControlVerb:          "control-verb",
	lcTimeWord:             "time-word",
	lcMeasureNoun:          "measure-noun",
	lcForcesModifier:       "forces-modifier",
	lcMembersNoun:          "members-noun",
	lcMovementHead:         "movement-head",
	lcCompanySuffix:        "company-suffix",
	lcCurrency:             "currency",
	lcCondemnPredicate:     "condemn-predicate",
	lcConductNoun:          "conduct-noun",
	lcHostileEvaluation:    "hostile-evaluation",
	lcHostileModifier:      "hostile-modifier",
	lcEvaluationLink:       "evaluation-link",
	lcEvaluationHead:       "evaluation-head",
	lcEvaluationOf:         "evaluation-of",
	lcBearVerb:             "bear-verb",
	lcResponsibilityNoun:   "responsibility-noun",
	lcAccountable:          "accountable",
	lcJudgedClaim:          "judged-claim",
	lcConcernWord:          "concern-word",
	lcActParticiple:        "act-participle",
	lcLiesWith:             "lies-with",
	lcArmedAct:             "armed-act",
	lcAskedParticiple:      "asked-participle",
	lcAskedTopic:           "asked-topic",
	lcAskedOpener:          "asked-opener",
	lcDeniedAccount:        "denied-account",
	lcHaveVerb:             "have-verb",
	lcLackVerb:             "lack-verb",
	lcBasisNoun:            "basis-noun",
	lcParticipleHead:       "participle-head",
	lcGapTail:              "gap-tail",
	lcTakeVerb:             "take-verb",
	lcRecognitionGrant:     "recognition-grant",
	lcRegionModifier:       "region-modifier",
	lcDescriptionWord:      "description-word",
	lcDescriptionNoun:      "description-noun",
	lcDescriptionCapital:   "description-capital",
	lcAttackWord:           "attack-word",
	lcReciprocalWord:       "reciprocal-word",
	lcPactClauseOpener:     "pact-clause-opener",
	lcPactTopicHead:        "pact-topic-head",
	lcPartitive:            "partitive",
	lcTerritoryRef:         "territory-ref",
	lcTerritoryNoun:        "territory-noun",
	lcCountNoun:            "count-noun",
	lcIrregularPast:        "irregular-past",
	lcSovereigntyNoun:      "sovereignty-noun",
	lcRecogniseAsVerb:      "recognise-as-verb",
	lcRecognisedAsHead:     "recognised-as-head",
	lcRecognisedAsStatus:   "recognised-as-status",
	lcRecognitionHolder:    "recognition-holder",
	lcParticleFrame:        "particle-frame",
	lcWithFrame:            "with-frame",
	lcTakePart:             "take-part",
	lcStateBodyOf:          "state-body-of",
	lcOfPatient:            "of-patient",
	lcIdiomVerb:            "idiom-verb",
	lcDefiniteDeterminer:   "definite-determiner",
	lcContentPreposition:   "content-preposition",
	lcIdiomObject:          "idiom-object",
	lcReciprocalFirst:      "reciprocal-first",
	lcReciprocalSecond:     "reciprocal-second",
	lcWithNoun:             "with-noun",
	lcRelativeWhich:        "relative-which",
	lcSpecialCalled:        "special-called",
	lcSpecialSaid:          "special-said",
	lcAttemptVerb:          "attempt-verb",
	lcSpeakerBody:          "speaker-body",
	lcFactNoun:             "fact-noun",
	lcFactJudgement:        "fact-judgement",
	lcFactMatch:            "fact-match",
	lcDeedVerb:             "deed-verb",
	lcPayrollOwned:         "payroll-owned",
	lcPayeeNoun:            "payee-noun",
	lcGroupSponsor:         "group-sponsor",
	lcCauseResult:          "cause-result",
	lcCauseNoun:            "cause-noun",
	lcCauseVerb:            "cause-verb",
	lcHarmNoun:             "harm-noun",
	lcAsCompound:           "as-compound",
	lcComplementizer:       "complementizer",
	lcPlanVerb:             "plan-verb",
	lcBlamedWeapon:         "blamed-weapon",
	lcSourceNoun:           "source-noun",
	lcProgrammeNoun:        "programme-noun",
	lcTiesEstablish:        "ties-establish",
	lcTiesRestore:          "ties-restore",
	lcTiesNoun:             "ties-noun",
	lcTiesModifier:         "ties-modifier",
	lcNewStateWord:         "new-state-word",
	lcIndependenceVerb:     "independence-verb",
	lcProspectPreposition:  "prospect-preposition",
	lcProspectModifier:     "prospect-modifier",
	lcPledgeNoun:           "pledge-noun",
	lcOwnForces:            "own-forces",
	lcArmyModified:         "army-modified",
	lcCoSupplier:           "co-supplier",
	lcLikelihood:           "likelihood",
	lcTradeGoods:           "trade-goods",
	lcTradeMeasure:         "trade-measure",
	lcGiftLemma:            "gift-lemma",
	lcTopicOpener:          "topic-opener",
	lcCargoNoun:            "cargo-noun",
	lcNewsNoun:             "news-noun",
	lcCounterpartNoun:      "counterpart-noun",
	lcProspectNear:         "prospect-near",
	lcTimeAdverb:           "time-adverb",
	lcTimeOpener:           "time-opener",
	lcTimeNoun:             "time-noun",
	lcOutVerb:              "out-verb",
	lcFindingNoun:          "finding-noun",
	lcInterviewerLabel:     "interviewer-label",
	lcFemaleWord:           "female-word",
	lcMaleWord:             "male-word",
	lcRankAbbreviation:     "rank-abbreviation",
	lcJuntaHead:            "junta-head",
	lcJuntaModifier:        "junta-modifier",
	lcArmyLed:              "army-led",
	lcRebelNoun:            "rebel-noun",
	lcMemberNoun:           "member-noun",
	lcGroupNameHead:        "group-name-head",
	lcCommuniqueNoun:       "communique-noun",
	lcExerciseOff:          "exercise-off",
	lcOffVerb:              "off-verb",
	lcObserverNoun:         "observer-noun",
	lcEnterVerb:            "enter-verb",
	lcOpenTies:             "open-ties",
	lcSignedDocument:       "signed-document",
	lcDocVerb:              "doc-verb",
	lcTopicPreposition:     "topic-preposition",
	lcShareWord:            "share-word",
	lcAssentVerb:           "assent-verb",
	lcInAdverbial:          "in-adverbial",
	lcFireVerb:             "fire-verb",
	lcOwnerBody:            "owner-body",
	lcThatCharge:           "that-charge",
	lcCondemnedDeed:        "condemned-deed",
	lcFundLemma:            "fund-lemma",
	lcMakerParticiple:      "maker-participle",
	lcMakeLemma:            "make-lemma",
	lcInvolveVerb:          "involve-verb",
	lcInvertedAux:          "inverted-aux",
	lcPlaceOfHead:          "place-of-head",
	lcMutualNoun:           "mutual-noun",
	lcComparisonWord:       "comparison-word",
	lcPeopleNoun:           "people-noun",
	lcGappedGoodsWord:      "gapped-goods-word",
	lcGoVerb:               "go-verb",
	lcGoodsCollective:      "goods-collective",
	lcProjectNoun:          "project-noun",
	lcProObject:            "pro-object",
	lcExamplesOpener:       "examples-opener",
	lcExamplesFirst:        "examples-first",
	lcExamplesHead:         "examples-head",
	lcExamplesPunct:        "examples-punct",
	lcExamplesClause:       "examples-clause",
	lcExamplesModifier:     "examples-modifier",
	lcExamplesSkip:         "examples-skip",
	lcAnswerDeterminer:     "answer-determiner",
	lcDocumentDeterminer:   "document-determiner",
	lcClaimSource:          "claim-source",
	lcHallmarkNoun:         "hallmark-noun",
	lcProTarget:            "pro-target",
	lcProStop:              "pro-stop",
	lcProLead:              "pro-lead",
	lcProPastFollow:        "pro-past-follow",
	lcIssueVerb:            "issue-verb",
	lcHonorific:            "honorific",
	lcStatePlural:          "state-plural",
	lcPartyDocument:        "party-document",
	lcSignVerb:             "sign-verb",
	lcHearsayNoun:          "hearsay-noun",
	lcDegreeWord:           "degree-word",
	lcClauseConjunction:    "clause-conjunction",
	lcWireSlug:             "wire-slug",
	lcPairBond:             "pair-bond",
	lcPairAdversary:        "pair-adversary",
	lcGerundNounHead:       "gerund-noun-head",
	lcGivingVerb:           "giving-verb",
	lcReliefWord:           "relief-word",
	lcAmountLead:           "amount-lead",
	lcFingerVerb:           "finger-verb",
	lcFingerNoun:           "finger-noun",
	lcDoorNoun:             "door-noun",
	lcBlameObjectVerb:      "blame-object-verb",
	lcForFrame:             "for-frame",
	lcToFrame:              "to-frame",
	lcQuestionOpener:       "question-opener",
	lcAllyAdjective:        "ally-adjective",
	lcPastAlly:             "past-ally",
	lcDefendVerb:           "defend-verb",
	lcMarketNoun:           "market-noun",
	lcProObjectFinal:       "pro-object-final",
}

// classSet is a set of class ids.
type classSet [(numIDs + 63) / 64]uint64

func (s *classSet) add(c classID) { s[c/64] |= 1 << (c % 64) }

// has reports whether c is in the set.
func (s *classSet) has(c classID) bool { return s[c/64]&(1<<(c%64)) != 0 }

// meets reports whether s and o share a class.
func (s *classSet) meets(o *classSet) bool {
	for w := range s {
		if s[w]&o[w] != 0 {
			return true
		}
	}
	return false
}

// setOfIDs returns the set of the class ids cs.
func setOfIDs(cs ...classID) (s classSet) {
	for _, c := range cs {
		s.add(c)
	}
	return s
}

// in reports whether the token's word is in the class c.
func (t *token) in(c classID) bool { return t.ids.has(c) }

// has reports whether w is a word of the class c: lexicon.in by id.
func (c *lexicon) has(id classID, w string) bool {
	sl := c.vocab.find(w, fnvString(w))
	return sl != nil && sl.ids.has(id)
}

// classIDsOf returns the class id of each class name that has one.
func classIDsOf() map[string]classID {
	m := make(map[string]classID, numClassIDs)
	for id, name := range classIDNames {
		m[name] = classID(id)
	}
	return m
}
