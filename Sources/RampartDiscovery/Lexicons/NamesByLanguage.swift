/// Given and family names per language, written for this project from general knowledge of each
/// country's most frequent names (published popularity rankings and surname frequencies); they
/// are not copied from any data set. Latin-script entries are folded like every lexicon word
/// (`Müller` → `muller`); names in Cyrillic, Greek, Arabic, Hebrew and Devanagari are listed in
/// their own script too. ``GivenNames`` and ``FamilyNames`` include every list here; Chinese,
/// Japanese and Korean in their own scripts are in ``EastAsianNames``.
struct LanguageNames: Sendable {
    /// The language (and where it matters, the country).
    let language: String
    /// Given names, space-separated.
    let given: String
    /// Family names, space-separated.
    let family: String

    static let all: [LanguageNames] = [
        LanguageNames(
            language: "German",
            given: """
                lukas jonas leon finn elias maximilian felix paul noah luis ben emil anton henry theo jakob matthias jurgen dieter uwe
                torsten sonke wolfgang horst manfred gerhard gunther rainer bernd ralf jorg kai malte jannik timo dirk frank detlef
                anna lena leonie hannah johanna sabine ursula gudrun heike birgit annegret friederike kerstin dorte ilse marlene
                frieda emilia mila lina ella luisa gisela renate brigitte ingrid elke silke anke katrin nadine yvonne
                klaus gunter heinz helmut walter werner karl kurt herbert gerd ernst rolf peter michael thomas andreas stefan
                christian martin markus holger thorsten jens lars bjorn dennis daniel tobias philipp sebastian florian alexander
                dominik patrick marcel kevin nico niklas tim jan julian moritz david fabian simon benjamin johannes jonathan leonard
                luca oskar mats ole tom hannes carl rudolf siegfried friedrich wilhelm heinrich hermann otto erich fritz willi hubert
                josef georg alfred reinhard hartmut ulrich volker norbert bernhard lothar eckhard joachim harald dietmar roland achim
                axel armin udo ingo olaf carsten mirko sascha oliver christoph benedikt valentin vincent konstantin korbinian raphael
                samuel linus mattis jonah ludwig albert franz alois johann erwin gottfried konrad ewald waldemar helga gertrud erika
                irmgard hildegard elfriede margarete christa karin monika petra andrea claudia susanne martina stefanie nicole tanja
                melanie sandra julia anja kathrin daniela simone bettina cornelia manuela angelika gabriele doris marion heidi jutta
                edith waltraud rosemarie hannelore anneliese lieselotte christel dagmar ines jana jessica janina lisa laura sarah
                vanessa franziska theresa lea mia marie sophie emma clara charlotte greta ida mathilda lotta paula lia amelie maja
                leni carla nele pia jule merle antonia elisabeth magdalena veronika regina rita anita barbel ute almut wiebke birte
                imke maren svenja finja annika katharina hedwig gerda inge hilde margot erna irene herta roswitha
                """,
            family: """
                ostermann kuhn pohl engel horn busch bergmann thiele winkler lorenz schuster bohm franke albrecht ludwig jager vogel
                stein graf kraft lindner ebert seifert kolb haupt otto berger beck dietz kaufmann kessler hesse mertens schade
                muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schafer koch bauer richter klein wolf
                schroder neumann schwarz zimmermann braun kruger hofmann hartmann lange schmitt werner schmitz krause meier lehmann
                schmid schulze maier kohler herrmann konig walter mayer huber kaiser fuchs peters lang scholz moller weiss jung hahn
                schubert friedrich keller gunther frank roth baumann simon winter kraus martin schumacher kramer vogt sommer gross
                seidel heinrich brandt haas schreiber schulte dietrich ziegler kuhl voigt sauer arnold wolff pfeiffer hermann ernst
                schutz schutze marx fink brenner hein heinz kurz konrad lenz lutz nagel paul petersen pfeifer reuter rieger ritter
                rossler sander schenk schilling schindler schlegel schott schramm seitz siebert thiel ulrich unger vetter vogler voss
                walther wendt wenzel wiese wirth witt wolter zander kuhlmann kunz lindemann hess wegner jansen grimm hubner kroger
                schuler baier beyer bischoff blum bruckner buchholz burger dittrich dorn eckert ehlers fiedler fleischmann forster
                frey fritsch geiger gerlach goebel gottschalk hartwig hecht heinemann heller herzog hildebrandt hinz hofer hoppe
                janssen jahn kellner klose knoll kopp kraemer krieger kuhne lechner lohmann maurer mayr menzel michel mohr munch nowak
                opitz pape rausch reichert reinhardt riedel rothe ruppert schwab seiler sieber stadler stumpf thomas trautmann ullrich
                vollmer walz weigel wiedemann wimmer wolters wunderlich zeller gruber pichler steiner moser leitner eder reiter egger
                brunner baumgartner auer wallner aigner ebner koller lehner holzer haider lackner schwaiger strasser wieser hauser
                mair resch friedl posch riegler hackl neubauer platzer hofbauer brandstatter holzl thaler weinberger steininger kern
                kogler gasser strobl schober grabner zauner kainz seidl pirker ortner mayrhofer eichinger hutter rauch wurzer
                gschwandtner huemer hager gerber widmer wyss suter bachmann studer bucher luthi buhler marti kalin egli wenger ammann
                stucki stettler wehrli burri sutter ruegg blaser bieri fluckiger hofstetter zbinden aebischer hurlimann schurch rohner
                imhof luscher wuthrich bosshard glauser iseli jaggi lanz nussbaum ott schaller siegrist tschanz zaugg zingg zollinger
                ruttimann kunzli
                """
        ),
        LanguageNames(
            language: "French",
            given: """
                jean pierre michel philippe nicolas julien mathieu theo hugo gabriel arthur baptiste raphael louis jules adam lucas
                mael sacha nathan enzo clement quentin benoit thierry pascal didier herve yves gilles marie camille chloe lea manon
                ines elodie sylvie nathalie isabelle brigitte margaux jade louise emma alice lina rose anna ambre agathe zoe
                aurelie sandrine veronique valerie christine martine francoise monique genevieve helene odile solene
                alain bernard claude jacques daniel gerard andre patrick christian francois eric laurent frederic stephane olivier
                sebastien christophe david vincent antoine guillaume maxime alexandre romain thomas kevin jeremy florian anthony
                jonathan benjamin damien cedric fabrice franck bruno serge rene marcel roger robert henri georges paul raymond lucien
                maurice gilbert yannick ludovic arnaud jerome gregory loic mickael xavier emmanuel thibault aurelien adrien simon
                victor leo noah liam tom timeo ethan mathis evan nolan axel gael martin marius augustin leon achille valentin corentin
                dylan alexis francis roland guy jacqueline nicole catherine chantal danielle josiane colette simone denise suzanne
                yvette odette paulette madeleine jeanne marguerite germaine bernadette annie dominique pascale corinne laurence
                patricia celine stephanie caroline emilie julie audrey melanie laetitia virginie sophie severine delphine karine elise
                charlotte pauline marion lucie mathilde clemence juliette eva adele romane lola anais oceane justine morgane clara
                lena mila elena victoire capucine apolline gabrielle josephine anne evelyne ghislaine muriel claire agnes beatrice
                fabienne nadine gisele mireille lucienne huguette micheline raymonde yvonne solange josette marcelle therese annick
                """,
            family: """
                lefevre mercier dupont lambert bonnet legrand garnier faure rousseau blanc guerin boucher lemaire duval gauthier
                fontaine chevalier masson leclerc marchand barbier brunet lemoine picard gaillard lacroix fabre dupuis
                martin bernard thomas petit robert richard durand dubois moreau laurent simon michel lefebvre leroy roux david
                bertrand morel fournier girard andre francois perrin robin clement morin nicolas henry roussel mathieu gautier dumont
                meunier blanchard giraud joly brun arnaud gerard roche renard schmitt roy leroux colin vidal caron roger aubert renaud
                dumas olivier philippe bourgeois pierre benoit rey payet rolland leclercq guillaume lecomte dupuy guillot hubert
                berger carpentier deschamps huet vasseur fleury royer jacquet adam poirier marty aubry guyot charles menard maillard
                baron bertin bailly herve collet leger bouvier julien prevost perrot germain besson langlois remy pelletier leveque
                leblanc lebrun marchal mallet hamon jacob monnier michaud guichard gillet etienne grondin poulain tessier chevallier
                collin chauvin bouchet lemaitre benard marechal humbert reynaud antoine hoarau perret barthelemy cordier pichon
                lejeune gilbert delaunay pasquier carlier laporte charpentier moulin texier bonnin fortin labbe legros boulay guillon
                camus tanguy buisson pineau jacques gaudin lacombe verdier guillet ferrand drouet chauvet hebert maury bernier raynaud
                arnoux lebon briand pons ollivier bouchard delmas blondel leconte vaillant delattre coulon bruneau jourdan laurens
                chapuis lesage morvan dufresne devaux imbert joubert valentin besnard thibault andrieu pottier lesueur brunel levesque
                labat gosselin foucher potier lagarde chartier bouvet lefort geoffroy bourdon leclair tournier delorme hamel guillou
                lebreton combes rault leduc lenoir lecoq riou leroi jolivet weber gueguen lemarchand maillet duclos duhamel bazin
                rousset charrier gauvin jacquot mahe peltier boutin godard berthelot lucas guilbert rodier vallet girault
                """
        ),
        LanguageNames(
            language: "Spanish",
            given: """
                antonio manuel jose francisco david javier daniel carlos jesus alejandro iker unai hugo martin lucas mateo leo pablo
                alvaro adrian diego mario marcos sergio jorge gonzalo ignacio inigo xabier jordi pau marc maria carmen lucia josefa
                laura cristina marta nuria montserrat ainhoa itziar rocio paula sofia alba julia irene noa valeria emma daniela
                sara carla ana isabel pilar mercedes dolores concepcion encarnacion inmaculada amparo remedios begona
                juan luis miguel angel rafael pedro fernando ricardo enrique ramon vicente andres joaquin eduardo roberto victor oscar
                alberto raul ruben guillermo emilio julian tomas agustin gregorio felix esteban cristobal rodrigo marcelo sebastian
                nicolas matias benjamin thiago bruno samuel gael eric izan aitor asier gorka mikel jon ander eneko oier oriol arnau
                pol biel jaume joan josep lluis alfonso arturo jacinto leandro mariano nestor patricio reinaldo rolando hector gerardo
                gustavo jaime lorenzo marcelino mauricio maximiliano octavio emiliano fabian santino valentin facundo lautaro alonso
                cesar ernesto fermin isidro jeronimo rosa antonia francisca teresa manuela juana consuelo soledad beatriz raquel
                silvia patricia monica elena veronica sonia susana eva gloria yolanda lorena natalia alicia andrea marina claudia
                noelia miriam esther lidia belen ines celia olga adriana alejandra gabriela mariana ximena fernanda guadalupe paola
                valentina camila renata regina martina lola vera olivia jimena candela carlota alma nerea leire maite amaia arantxa
                idoia miren nekane montse meritxell laia aina mireia clara gemma milagros agustina catalina luciana josefina micaela
                antonella delfina maribel rosalia
                """,
            family: """
                etxeberria urquijo garmendia aguirre echeverria goikoetxea zubizarreta larranaga arrieta olano puig ferrer vidal
                soler font roca serra pujol vila sala costa marti riera casas prat
                espinosa lara rivas rivera arroyo redondo camacho rey vera otero luque galan montes rios sierra segura carrillo marcos
                soriano mendoza robles bernal valero palacios pozo exposito benito varela andres guerra heredia contreras villar
                miranda mateo rivero escudero avila trujillo salazar aguilera vallejo quintana pineda manzano beltran ponce sosa
                maldonado bermudez hurtado rosales salas gonzalo cuesta tapia estevez benavides barrera ruano pacheco alvarado navas
                quintero padilla ochoa montoya palomo blazquez marrero barroso godoy olmedo bustos cuevas acosta solis villalba aranda
                galvez ballesteros alarcon zapata aparicio rodrigo saavedra cid sancho pizarro bejarano hernando lorente chacon
                cardenas guzman juarez villanueva espinoza valdez mejia figueroa sandoval ibarra estrada orozco velazquez cervantes
                salinas galvan zuniga villalobos bautista meza quiroz rangel escobar cisneros villegas portillo duarte ayala gallegos
                sepulveda araya henriquez vergara bustamante leiva cardona osorio ospina montenegro valderrama restrepo gaviria arango
                londono jaramillo echeverri giraldo betancourt castaneda mosquera caicedo quinonez cuellar cordova huaman quispe
                mamani condori acuna ferreyra ledesma ojeda peralta pereyra farias aravena salgado garces olivares riquelme navarrete
                orellana arce barrientos saldana trevino villarreal esparza tovar zavala olvera alcantara tamayo rosas huerta gamboa
                arellano carranza uribe santillan ledezma palomino lugo escamilla serna ocampo zepeda bonilla barajas solorzano
                guevara lucero magana murillo cortes iglesias garrido nunez calvo gallego caballero nieto pascual herrero montero
                hidalgo gimenez ibanez arias carmona crespo pastor saez velasco moya esteban gallardo rojas ortiz morales castro
                delgado suarez alonso rubio marin sanz prieto cano pena cabrera campos vega fuentes carrasco diez reyes aguilar
                santana lozano urrutia goicoechea uriarte zabala aguado bravo lujan ramos
                """
        ),
        LanguageNames(
            language: "Italian",
            given: """
                giuseppe giovanni antonio mario luigi francesco alessandro lorenzo matteo gianluca salvatore leonardo tommaso riccardo
                edoardo gabriele andrea marco luca emanuele pietro vincenzo carmine gennaro ciro rocco domenico massimo maurizio
                maria anna giulia francesca chiara sofia rosa giuseppina alessia federica ilaria beatrice aurora ginevra vittoria
                greta martina alice emma gaia noemi rita teresa lucia concetta carmela assunta antonella patrizia
                giorgio franco bruno sergio carlo enrico aldo alberto angelo claudio roberto paolo stefano fabio davide simone daniele
                michele nicola raffaele vittorio umberto renato walter enzo gianni pasquale silvio ugo guido piero dario cristian
                diego federico filippo samuele christian mattia nicolo jacopo elia cesare achille ettore giacomo gioele manuel alessio
                valerio ivan ernesto ottavio luciano giancarlo gianfranco massimiliano ferdinando vito fabrizio marcello flavio mirko
                giampiero attilio arnaldo adriano osvaldo armando corrado giovanna angela paola laura sara valentina silvia monica
                barbara cristina roberta daniela simona alessandra stefania claudia manuela elisa serena sabrina michela marta
                eleonora camilla ludovica matilde elisabetta caterina adele carla graziella luisa marisa loredana gabriella ornella
                nadia tiziana cinzia lorena giorgia arianna benedetta miriam nicole rebecca anita elena irene veronica debora erika
                jessica pamela raffaella rosanna rossella annalisa mariangela maddalena letizia lucrezia agnese sveva bianca
                """,
            family: """
                esposito bianchi romano colombo ricci marino greco bruno gallo conti mancini costa giordano rizzo lombardi moretti
                barbieri fontana santoro mariani rinaldi caruso ferrara galli martini leone longo gentile martinelli vitale
                lombardo serra coppola marchetti parisi villa conte ferraro ferri fabbri bianco marini grasso valentini messina
                pagano ruggiero sorrentino damico negri bassi longhi marras fumagalli orlandi porcu cirillo valente bianchini mazzoni
                romeo rota guidi bonetti ferrante marchi melis zanetti bertolini mariotti giorgi ruggeri fadda poli mazzola carli
                lanza zanella bruni mancuso tosi spinelli rossini ricciardi pinna meloni mura murgia cossu deiana lai usai floris
                sechi mereu contu pisano colella zanon lupo moro benedetto bellucci bernardini bonfiglio borrelli brambilla brunetti
                calabro cannavo capone carboni carlucci cassano ceccarelli cerutti cesari cipriani coletti corsini costanzo
                dalessandro fanelli ferroni filippi fiorini franchi galante gargiulo gasparini giacomelli giannini gigli giorgetti
                giordani guerrieri iannone innocenti landi lanzi lazzari leonardi lucchesi lucarelli luongo magri manca manfredi
                mantovani marchesi marcucci marinelli marotta martelli masi mastrangelo mauro mazzei miceli montalto monteleone
                morabito morra musso nardi nicoletti nigro olivieri orsini padovani paoletti paolini pasquali perna perri petrucci
                pirozzi pisani pizzi poggi polito puglisi raimondi rocca romagnoli romani ronchi rosati ruggieri salvi salvatori
                sanfilippo santangelo santini santucci savino scotti serafini sergi tarantino tortora trevisan tripodi urso valenti
                vianello villani vinci visconti zanini zito rossi russo santis dangelo angelis pellegrini palumbo sanna rizzi cattaneo
                morelli amato silvestri mazza testa grassi pellegrino carbone giuliani benedetti barone rossetti caputo montanari
                palmieri bernardi martino fiore ferretti bellini basile riva donati piras vitali battaglia sartori neri costantini
                milani gatti farina monti guerra
                """
        ),
        LanguageNames(
            language: "Portuguese",
            given: """
                joao pedro lucas gabriel matheus rafael gustavo felipe thiago bruno leandro rodrigo miguel arthur heitor davi
                bernardo enzo lorenzo tiago diogo goncalo rui nuno vitor caio ana maria juliana fernanda camila larissa beatriz
                leticia patricia aline vanessa luana helena alice laura manuela valentina isabela mariana gabriela rafaela
                bianca raquel tatiana priscila debora adriana claudia simone luciana francisca conceicao
                jose antonio francisco carlos paulo luiz luis marcos marcelo fernando ricardo eduardo sergio jorge manuel daniel andre
                fabio alexandre roberto marcio renato flavio claudio cesar mario sebastiao raimundo geraldo joaquim vinicius guilherme
                henrique samuel benjamin theo noah gael ravi anthony emanuel isaac otavio murilo caua leonardo diego igor luan wesley
                anderson alan edson nelson cristiano rogerio adriano leonel afonso duarte martim tomas simao vasco hugo nathan antonia
                marcia sandra amanda bruna jessica carla julia renata daniela rita sonia lucia vera eliane elaine regina andreia
                cristiane denise fabiana viviane kelly raquelngelana sueli silvia tereza josefa sophia heloisa lorena lara livia
                cecilia maite giovanna yasmin eloa lavinia isadora agatha clara melissa luiza catarina ines matilde leonor madalena
                sofia marta joana filipa rute sara diana barbara
                """,
            family: """
                silva santos oliveira souza rodrigues ferreira alves pereira lima gomes ribeiro martins carvalho almeida lopes soares
                fernandes vieira barbosa rocha dias nascimento andrade moreira nunes marques machado mendes freitas cardoso
                teixeira araujo pinto correia cavalcanti bezerra monteiro moura campos batista
                goncalves sousa costa santana ramos reis castro borges pires moraes morais azevedo cunha coelho miranda xavier viana
                nogueira rezende duarte farias medeiros matos brito cruz guimaraes tavares queiroz macedo siqueira fonseca lacerda
                paiva franco bastos cavalcante aguiar amaral pacheco sampaio magalhaes lins barros cabral caldeira chaves couto dantas
                esteves figueiredo garcia godinho leal lobo loureiro maia matias neves novais pimentel prado quintela seixas serrano
                simoes valente vaz veloso vasconcelos ferraz falcao bento brandao campelo coutinho diniz domingues faria freire galvao
                gaspar gouveia henriques lobato lourenco marinho meireles mourao peixoto pinheiro rangel resende rebelo rios silveira
                teles valadares varela ventura vidal vilela rolim sobral assis bittencourt amorim antunes baptista barreto bessa carmo
                custodio fagundes frazao gama gil lemos leao lustosa melo mello mendonca morgado nobrega ornelas padilha peres pinho
                portela prates raposo saldanha salgado sequeira simao tome valverde veiga vilaca feitosa sena evangelista damasceno
                uchoa viegas honorato paulino pedrosa queiroga ribas tenorio correa dutra fialho moreno pessanha cerqueira abreu
                alencar alvarenga alvim amaro anjos aragao arruda avila bonfim borba botelho calado camargo carrilho castilho cavaco
                conceicao crispim dorneles espindola estevam felix figueira fortes gadelha garcez gusmao jordao junqueira lamas leme
                lessa linhares maciel malheiros marcondes mascarenhas meira mesquita muniz novaes paes palhares paranhos passos
                patricio pedroso penha pestana rabelo ramalho ramires rego romao sabino sanches saraiva severino silvestre souto
                tavora telles valadao vasques veras viveiros guerreiro caetano camilo evaristo fraga furtado guedes honorio inacio
                justino lucena mattos meneses menezes prestes reboucas serafim torquato vitorino zago jesus
                """
        ),
        LanguageNames(
            language: "Dutch",
            given: """
                daan sem lucas bram jeroen sander maarten pieter willem joost ruud gert jan kees henk dirk bas thijs jesse sven
                niels koen wouter stijn ruben lars tim luuk milan levi finn emma julia sanne anouk femke lotte marieke ilse
                annelies wilhelmina fenna noor tess sophie zoe lieke fleur iris eva anna saskia ingrid marloes esther mirjam
                peter hans johannes cornelis hendrik gerrit jacobus adrianus petrus wilhelmus johan theo wim joop piet klaas erik
                arjan marcel martijn edwin remco dennis patrick mark richard michiel vincent jasper rick tom nick kevin mike stefan
                bart rutger hugo noah liam mees sam noud gijs siem thomas jens teun guus hidde otis boaz floris olivier julian mats
                jurre tijn cas pim joris roel wessel youri menno jelle sjoerd hessel tjeerd sietse ivo joep frank rob robert ronald
                maria johanna cornelia elisabeth hendrika geertruida adriana petronella annie riet ria els anneke monique ellen
                marjolein miranda linda sandra nicole petra wendy kim chantal manon lisa britt demi romy saar mila yara evi sara nina
                lynn maud jasmijn elin fenne liv loes hanneke ineke tineke jolanda karin anja willemijn merel tessa nienke marit ilona
                astrid carla renske hester
                """,
            family: """
                jong jansen vries berg dijk bakker janssen visser smit meijer boer mulder groot bos vos peters hendriks leeuwen
                dekker brouwer wit dijkstra smits graaf meer linden kok jacobs haan vermeulen heuvel veen broek bruijn heijden
                schouten beek willems vliet ven hoekstra maas verhoeven koster dam wal prins blom huisman
                jonge kuipers kuiper veenstra kramer brink scholten wijngaarden martens meulen timmermans boersma velden vink lange
                hermans ridder gerritsen dijkman verbeek evers horst wouters bosman dongen verbruggen claes goossens maes mertens smet
                dubois lambert dupont clercq pauwels claeys aerts desmet janssens damme stevens verstraete cools velde michiels meyer
                verhaegen vandenberghe pauw segers hendrickx coppens vermeiren verbeke lemmens bruyn bossche vandamme bogaert dhondt
                schepper rycke moens acker baert geerts thys keyser bosmans smeets steen haas akker leeuw beekman kuijpers eijk
                bouwman hofman molenaar blokland ginkel dijken kleijn rooij pol hoogendoorn schuurman huizinga wijnands hoogland
                mulders verschuren heide kooij zanden woude gelder verhagen verhoef schaik vlist schaaf zijlstra wiersma bosma
                visscher hoekman nijhuis oosterhuis bergh hoven willemsen arends lammers claassen pieters pietersen adriaanse ruiter
                sikkema kroeze postma jonker peeters wuyts boonen vercammen cuypers lenaerts swinnen claessens vanderlinden vandevelde
                vermeer koopmans hermsen gerrits ruijter doorn verheijen schie vaart hoogeboom bouma sijtsma kloosterman hoogenboom
                dekkers lubbers kuijper kessels smeenk brinkman hulshof hulst vonk overbeek veldhuis veldman westerhof oosterhof
                roelofs rutten raaijmakers schippers schoenmakers gils hees verschoor vegt dalen bergsma haasnoot jongerius kamminga
                langeveld leenders meulenbroek munck nijland otten rietveld ruiters schuurmans stokman teunissen tijssen thijssen vugt
                vermaat verweij wessels wijers zuidema rossum hendriksen huijbregts hoeks wetering hurk laar rooijakkers bouwmeester
                derks derksen driessen franssen gielen jeurissen kusters linssen lenders schreurs theunissen vaessen coenen hendrix
                geurts vanhove walle dewulf vandenbroeck smedt smedts verhelst baets wever vanderstraeten vanhoutte cuyper huybrechts
                dyck vervoort goethem hecke bauwens lambrechts wauters aelst meeus bruyne greef vanhoof vermeersch goethals muynck
                stroobants coninck impe boeckx geens groote cauwenberghe kolk
                """
        ),
        LanguageNames(
            language: "English (UK and Ireland)",
            given: """
                oliver george harry jack alfie callum rhys hamish angus declan nigel graham alistair charlie archie freddie arthur
                jacob reggie teddy olivia amelia isla ava poppy siobhan eilidh niamh gemma kirsty bethan imogen florence ivy
                evie rosie maisie phoebe harriet gwen cerys megan carys lowri
                david john peter michael paul andrew stephen mark ian robert richard christopher james alan colin keith brian derek
                trevor barry clive malcolm gordon stuart neil gary darren lee wayne craig dean jason martin simon philip kevin anthony
                adrian russell ross scott jamie liam ryan connor kieran lewis aaron ben sam josh tom daniel matthew luke nathan joe
                joseph harvey leo oscar noah muhammad henry theo finley jude edward alexander max toby isaac rory fraser euan ewan
                gareth dylan owain dafydd ieuan iwan emrys gethin aled rhodri huw sean niall ciaran conor eoin oisin cathal darragh
                fionn cillian tadhg ronan kenneth donald duncan hugh roy terence raymond dominic jake bradley elliot reuben ellis
                margaret patricia susan christine janet jean pauline sandra karen julie tracey tracy sharon joanne lisa claire nicola
                sarah emma rebecca hannah laura amy jessica lauren chloe sophie charlotte emily katie lucy ellie grace ruby lily mia
                freya daisy matilda elsie millie sophia esme beatrice edith iris maryam aisha ffion sian rhian catrin seren nia eleri
                alys aoife ciara saoirse aisling clodagh caoimhe orlaith mairead deirdre bridget brigid kathleen maureen eileen noreen
                sheila shona morag mhairi ailsa catriona lorna hayley stacey kelly leanne donna jacqueline wendy gillian lynn carol
                denise beverley heather yvonne elaine alison fiona deborah jane valerie brenda maxine tina abigail jasmine bethany
                courtney shannon jade holly layla eleanor
                """,
            family: """
                fletcher pritchard ashworth whitaker greenwood llewellyn clarke davies hughes roberts evans thomas morgan griffiths
                owen jenkins price rees lloyd bowen powell parry
                hussain begum akhtar iqbal mahmood malik qureshi siddiqui chowdhury uddin miah mackenzie mackay maclean macleod
                macintyre mcgregor macgregor mckay docherty mcallister sinclair fraser munro paterson ritchie forbes drummond lindsay
                sutherland gunn cochrane baird aitken wilkie laing lamont robb mackie milne brodie ogilvie crichton dunbar duff mcleod
                mcneil mcdougall mckinnon kirkpatrick shearer howells prosser probert prothero meredith llewelyn bevan harries
                humphreys jarman gittins pryce mulligan mulvaney rooney keogh tierney behan coyle mcgovern mccabe coughlan crowley
                dolan dowling duggan egan fallon farrelly gleeson hanlon hegarty heffernan hickey horgan keating kiely lenihan mahony
                mccormack mcevoy mcguinness mckeown meehan moloney mooney moriarty mulcahy murtagh noonan nugent osullivan phelan
                quigley quinlan redmond riordan scanlon sheridan slattery tobin twomey walshe brophy cahill cleary clancy corcoran
                costello cronin cusack dempsey devlin donoghue dunphy feeney finnegan flaherty gaffney geraghty grogan harte kearney
                kinsella lally lawlor mcnally mcnulty mcloughlin mcdermott moynihan nevin ohara oreilly oshea shanahan sheehy treacy
                ashton broadbent burrows cartwright chadwick charlton coates cooke dawes dickinson dobson dodd eastwood fairclough
                farrow fenton fielding firth forster goddard gough greaves hargreaves haworth heywood hirst holden horrocks houghton
                howarth hulme kay kirkham knowles lees marsden mellor metcalfe milner naylor nuttall parkin pearce platt rawlinson
                sharples slater stott sutcliffe tattersall walmsley whittaker barlow bancroft brierley butterworth crossley earnshaw
                entwistle gaskell greenhalgh hibbert hodgson holroyd kershaw lister ogden ramsden schofield shackleton smethurst
                whiteley woodhouse beckett godfrey hewitt humphries sharpe sykes thorpe tomlinson whitfield bray dale stephenson
                rowley hardcastle ackroyd wainwright oldroyd bentham bottomley haigh hollings marshall
                """
        ),
        LanguageNames(
            language: "English (US)",
            given: """
                tyrone shanice deshawn brooklyn kaden madison hunter jaxon brayden kayden aiden jayden kinsley paisley skylar
                tanner colton hayden easton bentley everly harper addison aubrey
                earl clarence howard ernest leonard herbert stanley harry fred lloyd floyd clyde chester elmer wilbur homer otis
                virgil leroy marvin melvin vernon glenn dale duane dwayne darrell curtis lonnie travis rodney marcus derrick terrence
                jermaine darnell andre malik jamal tyrell dashawn jalen jaylen trevon demetrius reginald cedric dwight lamar maurice
                rufus cornelius wendell lester milton roscoe irving morris sidney norman eugene bernard gordon warren wesley dustin
                cody blake brett brent clint cole dalton garrett trent troy wade zane bryce carson cooper grant parker ryder sawyer
                weston jace jaxson knox ryker silas beau brody bryson emmett everett gavin greyson rhett rowan tucker waylon xavier
                mildred gladys ethel edna thelma bertha lois irene louise marjorie vivian pauline lorraine bernice geraldine wanda
                peggy loretta phyllis norma rita connie bonnie darlene tammy tina rhonda tiffany kristen kristin erin tara stacy dana
                wendy kim jill kristy heidi krista courtney kelsey jasmine aaliyah latoya latasha keisha tamika kiara jada nevaeh
                aubree kaylee brianna mackenzie reagan peyton avery quinn emery sadie piper lainey raelynn hadley blakely ryleigh
                khloe jayla mya gianna ariana mckenna jocelyn alexandra allison brooke lydia
                """,
            family: """
                kowalski oconnor yamamoto okafor washington jefferson
                whitley ashby beckham bolden bowling boykin britt broussard burks burnette calloway carmichael carver cates childers
                clifton coker crockett crowder cummins darden dickens dorman driscoll dugan eldridge emerson ewing fairchild farris
                faulk finch gilliam goff grady gunn hackett hadley hager haney hanks harlan hatfield hawley hayward hedrick
                hendrickson hickey hinson hollis holley hooper horner hough hoyt hyde irwin jacobsen jarrett jeffries kaiser keener
                kendall kessler kincaid kinney kirkland lacy langley lassiter ledford lilly lindsay lockhart lockwood loftin looney
                lott lowry mabry mahan mallory marlow mccain mccallum mcclellan mccracken mccray mcfadden mckenna mckinley mcknight
                mcleod mcmanus mcneal mcneil mcqueen mcrae meade mercer merrill messer metcalf millard milligan mims mixon mobley
                monahan mooney morehead morrell mott munson nance napier needham noland ogden ohara osborn overton paige parham
                parnell partridge paxton pettit pickett pinkerton platt plummer poe polk posey pressley prewitt purcell pryor quarles
                rader ragland rainey ratliff rayburn redmond reece reedy renfro rhoades rickard rigsby rinehart ritchie roark rockwell
                rooney roper rosen rountree rowell rudd rutherford rutledge sadler sanderson satterfield schaffer scruggs seay sewell
                shackelford shipley sikes sisk slade southard spann spivey sprague stacy stallings stamper starr stinson stovall
                stroud stubbs sturgill sumner sutherland talley tatum teague templeton thacker tharp thigpen thurman tidwell tillman
                tinsley tolbert toney trammell triplett troutman tubbs tuttle upton vick vinson waddell wagoner walden waldron
                whitlock whitten whitt willard willoughby wimberly winn winstead witt womack woodall woodruff worley wray wren
                yarbrough yeager youngblood hairston jeter pettaway rucker staton tolliver witherspoon toussaint grier lindquist
                nyberg swenson carlsen hedlund gunderson halvorson thorson engstrom amundson schwab reinhart gerber koenig goldberg
                rosenberg kaplan shapiro levine weinstein greenberg katz stern silverman horowitz bernstein feldman rubin nowicki
                zielinski kowalczyk novak kovach esposito romano russo lombardi costello
                """
        ),
        LanguageNames(
            language: "Indian (Hindi, Tamil, Telugu, Bengali, Punjabi)",
            given: """
                aarav vivaan aditya arjun rohan rahul sanjay vikram suresh ramesh venkatesh harpreet gurpreet manpreet jaspreet
                priya ananya diya kavya lakshmi sunita pooja neha deepika meenakshi shalini kavitha lavanya revathi saranya
                karthik senthil murugan balaji srinivas prakash rajendra harish girish dinesh naveen pradeep sandeep kuldeep
                amitabh abhishek sourav subhash debashish arnab anirban indrani sudipta
                आरव अर्जुन राहुल प्रिया अनन्या पूजा नेहा राम सीता
                amit anil sunil vijay ajay rajesh mahesh ganesh manoj deepak nitin rakesh sachin vivek ashish alok anupam ankit ankur
                anuj arvind ashwin bhavesh chetan dhruv gaurav gopal hemant hitesh jatin kapil kamal kishore lalit manish mukesh
                naresh nikhil pankaj paresh parth pranav prashant praveen rajeev rajiv rajan ravindra rohit sagar sameer santosh
                satish shailesh shankar shekhar shiv siddharth sudhir sumit tarun tushar umesh varun vikas vinay vinod vishal yash
                yogesh akash akshay aman anand ayush kunal mohit neeraj piyush ritesh sahil saurabh shubham vaibhav vikrant vineet
                abhinav aniket ankush raghav madhav keshav lokesh mohan arumugam muthu selvam velu anbu elango sivakumar saravanan
                karthikeyan vignesh manikandan prabhu raghu sathish vijayakumar venkat chandra sekhar ramana surya teja gurmeet
                gurinder harjit harjinder jaswinder kuldip manjit navjot paramjit parminder rajinder sukhwinder balwinder amarjit
                davinder jagjit ranjit partha pritam rajib sanjib subir sudip biswajit somnath sayan soumya tanmoy aarti anita anu
                archana asha bhavna chitra gayatri geeta hema jyoti kajal kalpana kamala kavita komal madhu mamta manisha meena
                nandini neelam nidhi nirmala padma pallavi parvati poonam prachi priyanka rachana radhika rashmi renu ritu rupa
                sadhana sangeeta sapna sarita savita seema shanti shilpa shweta smita sonal suman sushma vandana varsha nikita sakshi
                tanya shruti kritika megha bhavya dipti ishita jaya kirti manju nalini pushpa sudha anusha bhargavi harini keerthi
                pavithra priyadarshini ramya sangeetha sowmya suganya swetha vaishnavi saanvi aadhya myra anika pari avni navya simran
                navneet jasleen harleen amrit anindita moumita paramita rituparna sharmila
                अमित सुनील अनिल विजय राजेश सुरेश रमेश महेश दीपक मनोज संजय अजय रवि विकास मोहन गोपाल अशोक अरुण आदित्य विवान गणेश सुनीता
                अनीता गीता सीमा कविता ज्योति प्रियंका आरती अंजलि लक्ष्मी राधा
                """,
            family: """
                sharma verma gupta patel singh kumar reddy iyer nair menon rao joshi mehta chatterjee banerjee mukherjee das bose
                agarwal malhotra kapoor pillai naidu choudhury desai kulkarni bhat srinivasan subramanian krishnan gill sandhu
                dhillon grewal sidhu बंसल शर्मा वर्मा गुप्ता सिंह कुमार पटेल
                agrawal goyal goel garg mittal bansal jindal singhal aggarwal khandelwal maheshwari rastogi tandon bhatnagar mathur
                nigam asthana shukla tripathi chaturvedi dwivedi trivedi upadhyay pathak awasthi bajpai dixit ojha jha rathore rajput
                solanki parmar bhati shekhawat kushwaha maurya prajapati rana negi rawat bisht kohli khurana bedi anand bhalla chawla
                dhawan grover kalra luthra madan nanda puri sabharwal sahni sawhney suri vohra walia bakshi ahluwalia bains bajwa brar
                chahal cheema deol dhaliwal johal randhawa sekhon virk aulakh bhullar parikh modi amin bhatt pandya raval soni thakkar
                vyas parekh doshi sanghvi kothari sheth vora jani gokhale apte bhosale chavan deshmukh gaikwad kadam salunkhe sawant
                shirke thorat naik phadke ranade karve bapat sathe godbole kamble waghmare ganguly sengupta dasgupta guha saha mondal
                mandal sarkar biswas haldar majumdar mitra bagchi basu bhowmik nandi karmakar adhikari debnath dey kundu maity
                pramanik sanyal lahiri goswami acharya subramaniam ramasamy rajendran sundaram venkatesan balasubramanian
                chandrasekaran ganesan kannan karthikeyan lakshmanan mani narayanan palaniappan pandian perumal ramachandran
                ramakrishnan ramalingam ramanathan rangarajan sankar saravanan selvam shanmugam sivakumar sridhar sundar thangavel
                thiagarajan vaidyanathan venkataraman viswanathan chettiar gounder mudaliar nadar thevar chowdary raju varma sastry
                babu nayak setty gowda rai shenoy prabhu kini kurup panicker nambiar warrier varghese mathew kurian cherian koshy
                chacko mathai thampi raghavan gopalan gopinath mohanty patnaik sahoo behera pradhan swain senapati samal tripathy
                biswal mohapatra parida baruah bora gogoi saikia hazarika kalita deka borah ansari shaikh sheikh syed mirza pathan
                baig hashmi rizvi zaidi naqvi abbasi farooqui advani malkani mirchandani lalwani motwani kriplani
                यादव मिश्रा पांडे तिवारी चौहान ठाकुर जोशी मेहता शाह खान रेड्डी राव नायर दास बनर्जी चटर्जी मुखर्जी कपूर मल्होत्रा
                सक्सेना श्रीवास्तव दुबे शुक्ला त्रिपाठी चतुर्वेदी द्विवेदी त्रिवेदी पाठक झा राठौर राजपूत सिन्हा प्रसाद देसाई कुलकर्णी
                पाटिल जैन खन्ना सेठी भाटिया गोयल गर्ग मित्तल अग्रवाल
                """
        ),
        LanguageNames(
            language: "Swedish, Norwegian and Danish",
            given: """
                erik lars anders johan karl nils olof per sven mats magnus henrik jonas oskar william hugo liam elias noah alva
                astrid ebba elsa freja ingrid karin linnea maja saga signe sigrid solveig tove wilma ida frida mette kirsten
                birgitte lene pernille rasmus mads jesper soren morten kasper
                gustav axel oscar ludvig filip alexander viktor isak emil anton adam leo olle arvid vilgot alfred otto melker leif
                bengt goran stefan ulf lennart roger thomas peter ola knut arne bjorn geir terje trond svein kjell rune stig jan ole
                jens kristian magne haakon sindre eirik tobias sander mathias aksel johannes frederik christian niels poul flemming
                jorgen torben henning mikkel lasse casper nikolaj malthe oliver carl villads hakan anna maria eva kerstin birgitta
                margareta elisabeth marianne ulla gunilla annika helena lena susanne malin emma sara johanna hanna elin julia ella
                alice olivia agnes stella selma vera alma nora kari anne marit liv randi berit hilde tuva ingeborg emilie sofie
                mathilde laerke karen hanne bente inge dorthe camilla louise josefine clara klara ronja gunnhild ragnhild solvi eli
                marte thea
                """,
            family: """
                johansson andersson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson lindberg
                hansen johansen olsen larsen andersen pedersen nilsen jensen nielsen christensen rasmussen jorgensen madsen
                jonsson jansson hansson bengtsson jakobsson magnusson lindstrom lindqvist lindgren axelsson berg bergstrom lundberg
                lundgren lundqvist mattsson berglund fredriksson sandberg henriksson forsberg sjoberg wallin engstrom eklund
                danielsson lundin hakansson bjork gunnarsson holm samuelsson bergman fransson wikstrom isaksson bergqvist arvidsson
                nystrom holmberg lofgren soderberg nyberg blomqvist claesson nordstrom martensson lundstrom viklund bjorklund eliasson
                palsson berggren sandstrom nordin aberg ekstrom holmgren sundberg hedlund dahlberg hellstrom sjogren abrahamsson falk
                oberg dahl hermansson nordqvist sundstrom ohman kristiansen karlsen johnsen pettersen eriksen haugen hagen johannessen
                andreassen jacobsen halvorsen henriksen sorensen jakobsen moen gundersen iversen solberg svendsen eide knutsen
                martinsen paulsen bakken kristoffersen mathisen amundsen lunde solheim berge moe nygaard bakke fredriksen hauge
                andresen knudsen evensen saether aas myhre hanssen haugland thomassen simonsen berntsen vik tveit aasen ellingsen
                kristensen petersen thomsen christiansen poulsen moller mortensen mikkelsen olesen frederiksen laursen clausen
                andreasen jeppesen mogensen jespersen nissen lauridsen frandsen ostergaard jepsen kjaer vestergaard jessen norgaard
                christoffersen bertelsen bruun lassen thygesen damgaard kjeldsen hedegaard schmidt bach
                """
        ),
        LanguageNames(
            language: "Finnish",
            given: """
                juha jari mikko timo antti matti kari pekka jukka ville eero aino helmi eveliina kaisa liisa tuula tiina
                juhani johannes mikael olavi antero tapani kalevi ilmari matias onni eino vaino toivo veikko pentti seppo erkki raimo
                markku hannu heikki petri jani sami tommi mika marko janne teemu joni jussi aleksi lauri juho niko oskari leevi elias
                veeti eetu otto aatos eemeli arttu tuomas pasi arto esa jouko jorma reijo harri tero vesa ari kalle maria helena
                johanna anneli kaarina marjatta hannele kristiina emilia sofia olivia ellen venla isla lilja eevi pihla aada kerttu
                linnea enni siiri anni minna sanna satu paivi leena riikka heidi susanna katja jenni laura hanna elina marja pirjo
                ritva eila raija irma terttu sirkka anja sinikka tarja merja mervi outi milla noora roosa iida emma veera
                """,
            family: """
                virtanen korhonen nieminen makinen hamalainen laine heikkinen koskinen jarvinen lehtonen
                lehtinen saarinen salminen heinonen niemi heikkila kinnunen salonen turunen salo laitinen tuominen rantanen
                karjalainen jokinen mattila savolainen lahtinen ahonen leinonen hiltunen miettinen pitkanen hirvonen aaltonen manninen
                koivisto laaksonen kallio hakkarainen mustonen rasanen karvonen honkanen peltonen hyvonen mikkonen tuomi toivonen
                kettunen pelkonen partanen anttila seppala kemppainen ojala huttunen lindroos vainio nurmi korpela koivula vaisanen
                hanninen moilanen lappalainen rautiainen harju soininen koponen nyman tikkanen ahola kivela kauppinen oksanen
                jaaskelainen holopainen makela hakala kokkonen nurminen lampinen keskinen ikonen suominen eskola rinne aalto pesonen
                kukkonen kosonen vaananen voutilainen luoma lindholm leppanen nykanen ruotsalainen hyttinen
                """
        ),
        LanguageNames(
            language: "Polish",
            given: """
                piotr krzysztof tomasz pawel michal lukasz jakub wojciech marcin grzegorz mateusz kacper szymon bartosz agnieszka
                katarzyna malgorzata joanna magdalena zofia ewa barbara dorota beata aleksandra natalia zuzanna wiktoria
                jan andrzej stanislaw jozef tadeusz jerzy zbigniew ryszard kazimierz marek henryk adam roman waldemar zdzislaw
                mieczyslaw janusz dariusz slawomir robert rafal artur damian dawid kamil adrian sebastian patryk maciej przemyslaw
                radoslaw jaroslaw leszek wieslaw czeslaw boguslaw edward franciszek antoni aleksander oliwer igor filip nikodem leon
                ignacy tymon hubert krystyna anna maria elzbieta teresa danuta irena halina jadwiga janina grazyna bozena urszula
                iwona renata monika sylwia karolina justyna paulina marta kinga weronika julia maja lena hanna amelia oliwia alicja
                laura pola antonina helena nikola emilia gabriela martyna patrycja izabela edyta wioletta jolanta stanislawa wanda
                genowefa lucyna mariola
                """,
            family: """
                nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski kozlowski
                jankowski mazur kwiatkowski krawczyk kaczmarek piotrowski grabowski
                wojciechowski zajac pawlowski michalski krol wieczorek jablonski wrobel nowakowski majewski olszewski stepien
                malinowski jaworski adamczyk dudek nowicki pawlak gorski witkowski walczak sikora baran rutkowski michalak szewczyk
                ostrowski tomaszewski pietrzak duda zalewski wroblewski jasinski marciniak zawadzki jakubowski sadowski wlodarczyk
                chmielewski borkowski czarnecki sawicki sokolowski urbanski kubiak maciejewski szczepanski kucharski wilk kalinowski
                lis mazurek wysocki adamski kazmierczak wasilewski sobczak czerwinski andrzejewski cieslak glowacki zakrzewski
                kolodziej sikorski krajewski gajewski szymczak szulc baranowski laskowski brzezinski makowski ziolkowski przybylski
                domanski nowaczyk kowalewski borowski kaczmarczyk kowalska nowakowska
                """
        ),
        LanguageNames(
            language: "Czech and Slovak",
            given: """
                jiri jan petr josef pavel martin tomas jaroslav milan lukas jana marie eva hana anna lenka katerina lucie vera
                miroslav zdenek frantisek vaclav michal karel jakub david ondrej vojtech radek stanislav vladimir ladislav roman marek
                daniel filip adam matej dominik antonin ales libor lubomir stepan matyas peter jozef juraj lubos marian stefan dusan
                igor alena petra veronika jaroslava tereza martina michaela jitka helena ludmila zdenka ivana monika zuzana jarmila
                marcela dagmar barbora kristyna marketa eliska adela natalie klara karolina nikola sofie viktorie anezka denisa simona
                andrea lucia
                """,
            family: """
                novak svoboda novotny dvorak cerny prochazka kucera vesely horak nemec pokorny marek pospisil hajek jelinek
                kral ruzicka benes fiala sedlacek dolezal zeman kolar navratil cermak vanek blaha kriz kovar bartos vlcek kopecky
                konecny holub stastny stepanek kadlec sykora soukup musil simek kratochvil krejci bures hruska vacek moravec janda
                mares jires valenta tichy hlavac kubicek sindelar adamek kaspar danek hanak smolik kubat marsik vavra vlasak tomasek
                matousek vitek kozak stejskal rehak bartak brabec jezek hruby hladik hubacek kovac kovacik hudak kollar oravec baran
                gajdos bielik hrasko sokol zelenak balaz lukac horvath varga toth nagy szabo molnar
                """
        ),
        LanguageNames(
            language: "Hungarian",
            given: """
                laszlo istvan jozsef janos zoltan sandor gabor ferenc attila zsolt maria erzsebet katalin ilona eva aniko zsuzsanna
                peter tamas lajos tibor andras csaba imre gyorgy balazs gyula mihaly karoly robert norbert krisztian akos daniel adam
                bence mate levente mark david marton dominik botond barnabas zalan oliver milan noel benedek gergo kristof viktor
                szabolcs arpad bela miklos denes erno kalman margit julianna judit agnes erika eszter andrea krisztina anita gabriella
                timea szilvia monika melinda nikolett viktoria anna zsofia hanna luca lili reka petra dora boglarka zoe lena emma
                jazmin nora fanni csilla orsolya gizella piroska terezia magdolna jolan iren
                """,
            family: """
                nagy kovacs toth szabo horvath varga kiss molnar nemeth farkas balogh papp lakatos takacs juhasz meszaros
                olah simon racz szilagyi balazs gal szucs kocsis orsos pinter fodor szalai sipos lukacs biro jakab bogdan balog sandor
                boros fazekas kelemen antal orban somogyi fulop vincze veres budai hegedus deak bodnar illes szekeres pasztor vass
                bognar fabian soos lazar kozma kardos csizmadia bakos dudas gaspar hajdu halasz kerekes bartha kun barna csonka
                sarkozi bencze mezei dobos szoke hegyi kadar barta nemes gergely kantor
                """
        ),
        LanguageNames(
            language: "Romanian",
            given: """
                andrei alexandru ionut mihai constantin florin bogdan cristian gheorghe vasile elena ioana andreea mihaela cristina
                nicolae dumitru ioan marin petru stefan adrian daniel marius catalin gabriel razvan vlad sorin dan doru emil lucian
                ovidiu radu sebastian silviu tudor valentin victor cosmin dragos eugen horia iulian laurentiu liviu octavian paul
                robert darius david luca matei rares ilie maria ana gabriela alexandra daniela florentina georgiana simona nicoleta
                ramona roxana alina adriana diana irina larisa loredana madalina monica oana raluca teodora bianca carmen claudia
                denisa iuliana laura lavinia lucia marcela camelia corina doina florica viorica ileana aurelia rodica stefania sofia
                antonia delia sara ecaterina veronica angela
                """,
            family: """
                popescu popa pop radu dumitru stan stoica gheorghe matei ciobanu constantin ionescu rusu munteanu moldovan
                dinu marin lazar tudor florea ilie toma nistor barbu marinescu tanase sandu avram serban oprea lungu vasile zamfir
                stanciu nedelcu dragomir cristea badea ene neagu preda nita anghel manole mocanu enache voicu coman craciun ursu suciu
                mazilu bucur petre tudose dragan ardeleanu cojocaru iordache grigore chirila paun lupu nicolae ungureanu olteanu
                moraru diaconu costea tudorache sava muresan rotaru vlad lazarescu petrescu georgescu dumitrescu stoian cazacu
                croitoru manea surdu bratu balan mitrea paraschiv iliescu farcas ghita pavel pirvu sirbu bejan gavrila
                """
        ),
        LanguageNames(
            language: "Greek",
            given: """
                georgios giorgos dimitrios konstantinos ioannis nikolaos panagiotis vasileios christos athanasios maria eleni
                aikaterini vasiliki sofia angeliki georgia dimitra γιώργος δημήτρης κωνσταντίνος γιάννης νίκος μαρία ελένη
                κατερίνα σοφία
                michail evangelos charalampos spyridon stavros anastasios emmanouil theodoros ilias petros stylianos alexandros
                antonios andreas apostolos kostas nikos giannis panos thanasis vangelis stelios manolis christoforos angelos lampros
                markos filippos savvas grigorios sotirios michalis spyros paraskevi evangelia ioanna anna despoina stavroula
                konstantina panagiota chrysoula eirini theodora magdalini kalliopi alexandra christina anastasia efthymia antonia
                fotini zoi elpida evdokia argyro eleftheria katerina vasso
                μιχάλης βαγγέλης χαράλαμπος σπύρος σταύρος αναστάσιος μανώλης θεόδωρος ηλίας πέτρος στέλιος αλέξανδρος αντώνης ανδρέας
                απόστολος παναγιώτης βασίλης χρήστος θανάσης νικόλαος γεώργιος δημήτριος ιωάννης κώστας άννα ευαγγελία ιωάννα δέσποινα
                σταυρούλα παναγιώτα ειρήνη αικατερίνη βασιλική γεωργία δήμητρα αγγελική χριστίνα αναστασία θεοδώρα φωτεινή
                """,
            family: """
                papadopoulos papadakis georgiou pappas oikonomou nikolaidis vlachos karagiannis dimitriou konstantinou
                παπαδόπουλος παπαδάκης γεωργίου παππάς οικονόμου
                papageorgiou papanikolaou ioannou vasileiou christodoulou antoniou athanasiou makris angelopoulos nikolaou georgiadis
                papadimitriou alexiou panagiotopoulos michailidis theodorou petrou apostolou stavrou spyropoulos kyriakou economou
                mavridis papandreou kostopoulos dimopoulos kalogeropoulos triantafyllou anagnostou papathanasiou stylianou lamprou
                mylonas raptis samaras zervas sotiriou chatzis chatzopoulos kyriakidis galanis antonopoulos tsoukalas kontos mavros
                kanellopoulos markou pavlou andreou charalambous panagiotou christou iliopoulos ioannidis theodoridis nikas karras
                lazaridis papaioannou katsaros kouris giannakopoulos papadopoulou alexopoulos karamanlis mitsotakis
                ιωάννου παπαγεωργίου νικολάου βασιλείου αντωνίου χριστοδούλου δημητρίου κωνσταντίνου αθανασίου μακρής βλάχος
                καραγιάννης αγγελόπουλος γεωργιάδης παπανικολάου παπαδημητρίου αλεξίου πέτρου θεοδώρου ιωαννίδης νικολαΐδης μιχαηλίδης
                σταύρου
                """
        ),
        LanguageNames(
            language: "Turkish",
            given: """
                mehmet mustafa ahmet ali huseyin hasan ibrahim ismail yusuf murat emre burak fatma ayse emine hatice zeynep elif merve
                omer osman ramazan halil suleyman abdullah mahmut recep fatih kemal orhan serkan hakan kadir salih yasin enes furkan
                kerem eren baris cem deniz tolga volkan ugur gokhan erkan sinan tuncay cengiz selim tarik umut alp arda berk efe kaan
                mert onur ozan sefa yigit alparslan ozgur levent bulent erdem emir cemal hanife meryem esra ozlem gulsen hulya sevgi
                songul derya dilek ebru ozge seda tugba busra kubra buse ece ceren cansu gizem irem asli pinar leyla melek yasemin
                gulay nurcan sibel filiz aysel nesrin serap defne azra nehir ela zehra sena beyza selin nisa aylin damla duygu esma
                sevim gulten
                """,
            family: """
                yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan cetin kara koc kurt
                ozkan simsek polat ozcan korkmaz cakir erdogan yavuz acar aktas guler yalcin gunes bozkurt bulut keskin unal turan gul
                ozer isik kaplan avci tekin yuksel aksoy ceylan gok altun karatas erdem ekinci kocak ozbek uysal coskun gunduz
                karakaya sonmez tasci bayram kalkan demirci karaca tuncer inan cinar ucar eren yucel akbulut ozkaya karaman bilgin
                kilinc cakmak aydogan sezer gunay ergin dinc basaran alkan karabulut kahraman pehlivan baysal yigit
                """
        ),
        LanguageNames(
            language: "Russian and Ukrainian",
            given: """
                aleksandr sergei dmitri andrei alexei maksim ivan mikhail nikolai vladimir oleksandr oleksii taras bohdan mykola
                olena oksana natalia tatiana anastasia ekaterina yulia irina svetlana александр сергей дмитрий андрей алексей
                иван михаил николай владимир анна мария елена ольга наталья татьяна ирина светлана екатерина анастасия юлия
                evgeny yevgeny artem artyom roman anton kirill denis egor yegor ilya nikita pavel oleg igor yuri viktor vadim vitaly
                konstantin stanislav ruslan timur gleb matvei arseny daniil fyodor grigory leonid anatoly valery gennady stepan vasily
                yaroslav vladislav semyon petro vasyl yurii dmytro andriy serhiy volodymyr ihor ostap olga elena natalya marina galina
                lyudmila valentina larisa nadezhda alla inna kseniya ksenia polina darya daria alina sofia viktoria veronika yana
                kristina elizaveta alisa varvara ulyana milana arina valeria evgenia zoya raisa nina tamara lidiya zinaida antonina
                halyna mariya kateryna iryna solomiya oleksandra khrystyna liudmyla nataliia
                евгений артем антон кирилл денис егор илья никита павел олег игорь юрий виктор вадим виталий константин станислав
                руслан максим даниил федор григорий леонид анатолий валерий геннадий степан василий ярослав владислав борис евгения
                галина людмила валентина лариса надежда алла инна ксения полина дарья алина виктория вероника яна кристина елизавета
                алиса варвара марина нина тамара зоя лидия оксана олена тетяна олександр андрій сергій дмитро володимир микола богдан
                тарас олексій наталія катерина юлія
                """,
            family: """
                ivanov smirnov kuznetsov popov petrov sokolov volkov kovalenko shevchenko bondarenko tkachenko kravchenko melnyk
                boyko иванов смирнов кузнецов попов петров соколов волков морозов новиков федоров иванова смирнова кузнецова
                попова петрова шевченко коваленко бондаренко
                kovalchuk oliynyk shevchuk polishchuk lysenko marchenko savchenko rudenko moroz petrenko klymenko pavlenko kravets
                kuzmenko ponomarenko kharchenko levchenko karpenko vasylenko ivanenko romanenko tkachuk koval kozak panchenko savchuk
                zinchenko shapoval hrytsenko sydorenko yurchenko oleynik prokopenko danylenko demchenko sergienko kolesnyk tymoshenko
                hnatyuk martynenko fedorenko honcharenko nazarenko zhuk vovk kushnir lytvynenko myronenko pylypenko yakovenko fyodorov
                vasilyev grigoryev sergeyev yegorov semyonov solovyov kovalyov kiselyov korolyov zaytsev belyayev shubin alekseyev
                mikhaylov nikolayev matveyev
                васильев михайлов алексеев лебедев семенов егоров павлов козлов степанов николаев орлов андреев макаров никитин
                захаров зайцев соловьев борисов яковлев григорьев романов воробьев сергеев кузьмин фролов александров дмитриев королев
                гусев киселев ильин максимов поляков сорокин виноградов ковалев белов медведев антонов тарасов жуков баранов филиппов
                комаров давыдов беляев герасимов богданов осипов сидоров матвеев титов марков миронов крылов куликов карпов власов
                мельников денисов ткаченко кравченко бойко мельник шевчук коваль поліщук лисенко марченко савченко руденко петренко
                клименко павленко кравець кузьменко олійник ковальчук ткачук васильева соколова михайлова новикова федорова морозова
                волкова алексеева лебедева семенова егорова павлова козлова степанова николаева орлова андреева макарова никитина
                захарова
                """
        ),
        LanguageNames(
            language: "Arabic",
            given: """
                mohammed muhammad ahmed omar ali hassan hussein khalid ibrahim youssef abdullah fatima aisha mariam layla nour
                zainab salma yasmin محمد أحمد علي عمر حسن حسين خالد إبراهيم يوسف عبدالله فاطمة عائشة مريم ليلى نور زينب سلمى
                abdulrahman abdelaziz abdallah amir anas ayman bassam fadi fahad faris fouad ghassan hadi haitham hamad hani hatem
                hisham idris issa jamal kamal karim majed majid marwan mazen mohannad mounir nabil nader naji nasser osama rami riad
                sadiq saeed said salah sami talal tamer wael waleed yasser yahya zaid zakaria adel ashraf emad essam hazem ihab khaled
                mostafa moataz sherif tarek yousef abdulaziz turki nawaf mishal rakan hamza bilal tariq samir walid amina aya dalia
                dina duaa eman iman ghada hala hanan hend hind jamila lina lubna maha manal mona nawal noura rana rasha reem ruba rula
                safa salwa samar samira sana sawsan shaima suha wafa yara zahra zeina lamia malak raghad shahd jouri lujain ghalia
                hessa latifa maysa nesrine soumaya khadija rania amira
                عبدالرحمن كريم سامي رامي نبيل ماجد فيصل فهد طارق وليد زياد هشام عادل أيمن أسامة ياسر يحيى زيد عمرو سمير جمال كمال هاني
                مروان مازن حمزة بلال آمنة أسماء هدى منى ريم سارة هند رنا دينا نادية سميرة جميلة إيمان خديجة ياسمين لينا رشا حنان سناء
                نوال
                """,
            family: """
                al-sayed haddad khalil nasser mansour saleh hamdan aziz farouk rahman abdullah mahmoud mustafa youssef khoury
                حداد خليل ناصر منصور صالح عبدالله محمود مصطفى يوسف الخوري العلي الأحمد
                hassan hussein ibrahim abbas ashour awad ayoub badawi bakri barakat bishara darwish dib masri fahmy fakhoury farah
                fawzi ghanem habib halabi hamad hammoud hariri hijazi issa jaber jabbour kassem khatib maalouf mahfouz najjar nassar
                nasr omar osman rizk sabbagh saad sabry said salah samaha shaheen shams sharif shehata suleiman taha tannous tawfik
                yassin younes zaki zidan zein abboud aboud antoun asmar attia bazzi chahine daher fares ghazal haikal hamdi harb hatem
                helou homsi karam khalaf khalifa maroun moussa mourad nader nassif obeid rashed sakr sayegh shalhoub soliman tamimi
                wahba yacoub zayed otaibi qahtani ghamdi zahrani dosari shammari harbi mutairi shehri maliki juhani subaie benali
                bennani alaoui idrissi amrani tazi berrada cherkaoui benjelloun fassi bouzid mansouri saidi belkacem benyahia hamidi
                rahmani ziani brahimi bouaziz belhadj benamar chaoui kaci slimani touati zeroual ouali
                حسن حسين إبراهيم علي عباس عثمان سليمان سالم سعيد شريف عيسى موسى يعقوب أيوب جابر قاسم خليفة العتيبي القحطاني الغامدي
                الزهراني الدوسري الشمري الحربي المطيري الشهري المالكي الهاشمي التميمي المصري الحلبي النجار الخطيب درويش حجازي بركات
                الصباغ زيدان ياسين يونس زكي فهمي
                """
        ),
        LanguageNames(
            language: "Persian",
            given: """
                reza mehdi ali hossein amir mohammad saeed hamid maryam zahra fatemeh sara narges parisa leila shirin
                mohsen majid hassan hamed vahid behnam behrouz babak kaveh kourosh dariush farhad farshid farzad hadi iman javad
                kamran mahmoud masoud mehrdad milad mojtaba morteza nima omid payam pouya ramin saman sina siavash arash afshin ahmad
                amin arman armin bahram davood ehsan ebrahim hesam hooman jamshid keyvan mani navid parviz peyman rostam shahram
                shahin soheil yousef amirhossein abolfazl mahdi mahsa elham fariba mina nasrin neda niloufar nazanin parvin roya sahar
                samira sepideh shabnam simin soheila taraneh yasaman zeinab azadeh bahar golnaz haleh ladan mahnaz marjan mitra nahid
                pegah sanaz sima tahereh ziba atefeh somayeh negar hasti helia kimia farzaneh
                علی رضا مهدی حسین امیر محمد سعید حمید مریم زهرا فاطمه سارا نرگس پریسا لیلا شیرین مهسا الهام مینا نسرین ندا نیلوفر
                نازنین رویا سحر فرهاد بابک کاوه کوروش داریوش نیما آرش مسعود مجید محسن جواد وحید
                """,
            family: """
                hosseini ahmadi mohammadi rezaei karimi hashemi moradi kazemi jafari rahimi mousavi sadeghi
                ebrahimi ghasemi hosseinzadeh alizadeh akbari amini asadi azizi bagheri bahrami esmaili farahani ghorbani habibi
                heidari jalali kamali khani khosravi mahmoudi mirzaei mohammadzadeh mohseni najafi nazari nouri rahmani rostami salehi
                shahbazi shirazi soltani tabrizi taheri yazdani zamani zarei abbasi afshar ansari ashrafi bakhtiari daneshvar eslami
                etemadi faraji hamidi hosseinpour jahangiri javadi kashani khalili latifi mansouri moghaddam mokhtari naderi namazi
                rashidi sadri safavi samadi sharifi tehrani vahidi jafarzadeh tavakoli ghaffari sohrabi rahimzadeh firouzi karami
                aghaei valizadeh
                حسینی احمدی محمدی رضایی کریمی هاشمی مرادی کاظمی جعفری رحیمی موسوی صادقی ابراهیمی قاسمی علیزاده اکبری امینی اسدی عزیزی
                باقری بهرامی حیدری نوری رستمی سلطانی طاهری زارعی
                """
        ),
        LanguageNames(
            language: "Hebrew",
            given: """
                yosef david moshe avraham yaakov itai noam omer eitan ariel tamar noa yael shira maya michal רונית דוד משה יוסף נועה תמר
                yitzhak shlomo chaim haim yehuda aharon binyamin eliyahu shimon ilan amit oren ofer gil guy yoav yonatan daniel uri
                eyal ido lior tomer nadav roee amir asaf doron dror eran erez gadi nir ronen shai tzvi yair yuval ziv matan omri harel
                elad alon amos boaz dov gideon menachem mordechai nachman reuven shaul yigal yoel zeev avigail ayala batya chana dafna
                dalia dina efrat einat galit hadas hila inbal keren liat limor meital merav miriam naama nurit orit osnat rachel rina
                rivka ronit ruth sarit shani sigal tali tova yafa yehudit zehava adi agam hallel libi ella roni romi talia tehila
                יצחק שלמה חיים יהודה אהרון בנימין שמעון אילן עמית אורן יונתן דניאל אורי אייל עידו ליאור תומר נדב אסף אבי יאיר יובל רחל
                רבקה שרה לאה מרים רות אסתר חנה מיכל יעל שירה מאיה אביגיל הדס ענבל אורית עדי
                """,
            family: """
                cohen levi mizrahi peretz biton friedman katz azoulay malka ohana כהן לוי מזרחי פרץ
                dahan avraham amar yosef shapira shapiro gabay hadad ashkenazi levy segal weiss elbaz vaknin amsalem sasson barak
                carmi dayan eliyahu hazan itzhak kaplan lerner margalit navon oren rabin shamir shani shemesh sela tzur yehuda
                zilberman adler kaufman levin lieberman nachum halevi abergel buskila dadon edri elkayam hayun knafo malul ohayon
                sabag shitrit suissa turgeman vaturi yosefi zohar baruch mazor nissim peled regev segev shoshan tamir yadin yaron
                zamir avidan
                ביטון דהן אברהם פרידמן אזולאי אוחנה חדד גבאי שפירא כץ אשכנזי יוסף דוד עמר סגל קליין רוזנברג גולדברג וקנין אלבז שטרית
                חזן שמיר רגב יהודה אליהו יצחק משה יעקב אדלר לרנר מרגלית
                """
        ),
        LanguageNames(
            language: "Japanese (romanised)",
            given: """
                haruto yui sota aoi ren sakura takumi hina kenji yuki hiroshi naoko takashi satoshi kazuki daiki shota taro hanako
                yuto riku kaito hinata yuna mio akari emi keiko yoko yumi tomoko akiko haruka misaki ayumi kaori naoki takuya
                kenta daisuke makoto megumi yuko
                takeshi akira kazuo minoru shigeru isamu osamu susumu masao yoshio tadashi noboru kiyoshi yutaka mamoru tetsuya hideki
                masahiro toshiyuki yoshihiro kazuhiro nobuyuki hiroyuki tsuyoshi ryo ryota yusuke kosuke shun yuta sho kento takeru
                haruki minato itsuki yuito hayato tatsuya naoto koji shinji jun junichi ichiro jiro saburo goro yuji yuichi keiichi
                shinichi kenichi ryuji eiji hideo masato masaki nobuo tomohiro atsushi yasushi hajime manabu noriyuki tomoya kazuya
                sosuke hiroki keita kota ryusei yuma haruma ritsu arata yoshiko kazuko hiroko sachiko michiko yukiko junko kyoko
                masako fumiko setsuko sumiko toshiko chieko emiko kumiko mariko noriko reiko etsuko hisako kimiko akemi naomi mayumi
                kanako satomi yuka miho yuri rie saori chika eri asuka ayaka nanami rin hana himari tsumugi riko honoka koharu mitsuki
                yuzuki airi mana moe natsumi risa sayaka shiori tomomi hitomi mika miki akane asami chiaki chihiro erika izumi kaede
                madoka masami minami momoko nozomi rika sana shizuka takako wakana yoshimi yumiko
                """,
            family: """
                sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
                matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto
                yamashita ishikawa nakajima maeda fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii
                nishimura fukuda ota miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama
                ishida ueda morita hara shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi maruyama imai
                takada fujimoto takeda murata ueno sugiyama masuda sugawara hirano kojima otsuka kubo matsui iwasaki sakurai kinoshita
                noguchi matsuo nomura kikuchi onishi sugimoto arai hamada ichikawa furukawa mizuno komatsu shimada koyama takano
                yamauchi nishida nishikawa igarashi kitamura yasuda nakata kawaguchi hirata iida yoshikawa sawada tsuji seki yoshimura
                iwata nakanishi hattori higuchi kawakami nagai matsuoka taguchi yamanaka morimoto tsuchiya yano hirose oshima akiyama
                ishihara matsumura okazaki baba otani mochizuki nakao shinohara ishibashi koike hoshino tanabe kawai nagata kuroda
                arakawa ozawa kumagai kataoka kishi tani mizutani kamata oka tsuda kanda yamane hori oyama nakazawa nishiyama tomita
                yamagishi hosokawa miyata sekiguchi nakahara kawamura imamura fujimura ohashi okubo okumura nakatani tokunaga aoyama
                yokota sugita asano fujioka shiraishi nakai ogura amano kawano hirai inaba kuwahara morikawa uchiyama kitagawa
                matsushita horie hiraoka kuribayashi kurihara hosoda miyake nakamoto takayanagi tsukamoto yamakawa yamamura yoshioka
                yoshino hamaguchi kaneda kawabata kobori minami nagao nishino okuda tabata takemoto terada tsutsumi umeda yagi
                ishizuka hamano hayakawa hoshi ichinose iguchi inagaki ishiguro iwamoto kamei kanai kaneshiro kashiwagi katayama
                kawahara kawashima kawata kishimoto kitano kodama koga komori kono kosaka kotani kurosawa kuroki matsuzaki mikami
                miyagawa miyauchi morishita motoyama murai nagashima nakamori nakashima nishimoto nishio noda nonaka ochiai ogata
                ohara oishi okabe okano okuyama omura onoda osawa oshiro otake sakaguchi sakuma sekine shiba shimamura shimomura
                shinoda sonoda sudo sugiura tachibana tada tajima takahara takenaka takemura tamaki tanimoto terai toda tominaga
                tsuboi uehara umemoto wakabayashi yamaoka yamasaki yasui yokoi yoneda yoshizawa kurokawa hidaka okamura miyashita
                kinjo higa tamashiro arakaki shimabukuro
                """
        ),
        LanguageNames(
            language: "Chinese (pinyin)",
            given: """
                wei fang jing lei min yong xiuying hui jun ying hao na tao xin yan ming qiang mei jian zihan haoran yuxuan
                guiying xiulan yulan guilan fengying xiuzhen lihua xiaohong lijuan limei yumei chunmei hongmei jianhua jianguo jianjun
                guoqiang zhiqiang zhiyong haiyan hongyan xiaoyan yanhong yanping jie chao hua lin ping gang bo dan rui kai peng fei
                xiaoming xiaojun xiaoli xiaomei wenjie junjie yifan zixuan yutong xinyi yuxin shihan yichen yuhang haoyu zimo yize
                zihao ruoxi siyu yiran mengyao jiayi jiahao jiaxin tianyu mingyu chenxi yuqi shuang ting yue qian xue juan yun ning
                hong ling lili jingjing tingting lingling xiaoyu wenwen zhen jiawei weiwei zhiwei jianming hongwei haitao dongmei
                xiaofeng jianping wenbin guohua yuying shuying zhihua
                """,
            family: """
                wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo ouyang zhuge
                zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu ye cheng su lu ding ren
                shen yao jin fu zhong dai cui qiu qin fan shi tan liao zou xiong kong bai kang mao hou shao meng long wan duan lei
                qian yin yi chang qiao lai gong wen pang lan yan xing jia xia fang tao xue niu tong hua ji ruan sheng qi zhan geng dou
                rao ling zhai bao hong shang weng lian cen jiao zhuang guan shu yue rong chan wong leung cheung lau ho lam tsang chow
                yip tse fung kwok tam mak chu siu kwan poon yeung choi chiu lim ong goh teo koh chua tay yeo toh ang heng quek seah
                loh khoo liew yap leong chong ooi hsu tsai chiang hsieh kuo chou tseng hsiao
                """
        ),
        LanguageNames(
            language: "Korean (romanised)",
            given: """
                minjun seoyeon jihoon haeun doyun seojun jiwoo subin yejun jimin hyunwoo yujin younghee cheolsu
                jiho jiwon jiyeon jisoo jisu minji minseo minjae minho minsu minseok seungmin seunghyun sungmin sunghoon hyunjin
                hyunsoo hyejin hyeri eunji eunbi eunseo yuna yerin yeji soyeon sooyoung sumin dahye dahyun dongha donghyun dongwook
                daehyun jaehyun jaewon jaemin junseo junyoung joonho kyungsoo kyunghee myungsoo sangwoo sanghoon sangmin seoyun siwoo
                sihyun taeyang taehyung taemin wooseok woojin yeonwoo youngho youngmin youngsoo mikyung miyoung mijin sookja youngja
                jungsook soonja okja kyungja jungho sungho jinho jinwoo haneul harin hayoon jiyu suah chaewon chaeyoung nayeon dayeon
                seoah boram eunju jongmin jonghyun kyungmin hoseok sunhee jihye yoona hyunjung
                """,
            family: """
                kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang
                yi rhee pak choe chung jeong jo yun suh chun yu koh mun yeom byun byeon gil gong kong hyun hyeon kil maeng myung pyo
                seok yeo yook yuk roh shim seong hahn kye pyeon eun yeon ma jee jegal namgung hwangbo chon
                """
        ),
        LanguageNames(
            language: "Vietnamese",
            given: """
                minh thu quang linh tuan hoa anh duc hung huong lan mai nam phuong thanh trang trung dung hieu khanh
                bao binh chi cuong giang ha hanh hau hien hiep hoang hong huy huyen kiet khoa khoi kim lam loan loc ly nga ngan ngoc
                nguyet nhan nhi nhung nhu oanh phat phong phuc quan quoc quynh tai tam thang thao thi thien thinh tho thuy tinh toan
                tri trinh truc tuyet uyen viet vinh vy xuan duy hao khang vu tung dinh hoai diep diem dao nhat kieu thuong tram tuong
                vuong dai
                """,
            family: """
                nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly
                huynh vo dinh truong lam cao doan luong trinh luu quach tang chau ha thai kieu dao tong vuong tieu chu khuc thach
                giang lai luc nghiem ong phung quan tiet ung vinh bach dong giap han hua kha kim ma nong ninh thieu trieu
                """
        ),
        LanguageNames(
            language: "Indonesian and Malay",
            given: """
                budi agus siti dewi sri putri ahmad muhammad rizky wahyu dian eka indah ayu nur fitri hendra joko bambang
                adi agung andi anton ari arief bayu dedi dimas dwi eko fajar fauzi galih hadi hari heri ilham iwan jaka kurnia lukman
                wayan ketut nyoman putu nanda rahmat reza rudi rizal sigit slamet sugeng supriyadi suryo taufik teguh tri yogi yudi
                yusuf aditya arya bima galang raka rafi farhan irfan azlan faizal hafiz hakim haziq iskandar ismail kamal khairul
                mazlan mohd nizam rosli shafiq syafiq zulkifli anisa annisa citra desi dina endang fitria intan kartini lestari lina
                maya nia novi nurul puspita ratna ratih rina rini sinta suci tika utami wulan yanti yuli zahra aisyah nabila salsabila
                aulia amelia kirana nadia rahayu sulastri sumarni suparmi wati yulia aminah farah zainab nurhayati rosmah norhayati
                """,
            family: """
                wijaya santoso susanto hidayat saputra kurniawan setiawan pratama gunawan halim tan lim ibrahim abdullah
                wibowo nugroho putra siregar nasution harahap lubis simanjuntak sinaga hutapea panjaitan sitompul situmorang pardede
                manurung tambunan simatupang hasibuan daulay ginting tarigan sembiring purba saragih damanik sihombing hutagalung
                napitupulu silalahi sianturi pohan rangkuti sulistyo prasetyo prasetya kusuma wijayanti rahayu lestari handoko hartono
                salim sutanto effendi hakim hasan harun iskandar kartika lukman maulana nasir permana purnomo rahman ramadhan rusli
                sanjaya setiadi siswanto subagyo sudirman suharto sukarno sulaiman sumarno suryadi susilo syahputra utomo wahyudi
                widodo wibisono winata yusuf zulkarnain aziz hamzah ismail osman othman razak rashid mohamad yusof hussin ahmad hashim
                kassim samad salleh jaafar mansor idris latif zainal mokhtar noor omar rahim sabri shamsudin yaacob zakaria
                """
        ),
        LanguageNames(
            language: "Filipino",
            given: """
                jose juan mark john michael angelo christian maria kristine angelica mary jasmine rhea joy
                jomar rodel ronaldo rogelio romeo reynaldo ricardo roberto rolando danilo dante edgardo eduardo ernesto ferdinand joel
                jonathan jerome jay jayson jeffrey jun kenneth kevin ramil renato rey ruel romel rommel arnel arnold alvin allan
                benjie dennis elmer emmanuel erwin gerald gilbert glenn jomari lito marlon nestor noel randy raymond richard roel ryan
                wilfredo efren manny mario maricel marites mariel marivic mylene myla lorna lourdes leonora luzviminda rosalie rowena
                analyn anabelle annaliza arlene carmelita charmaine cristina divina editha evelyn flordeliza gina grace imelda
                jennifer jocelyn josephine juvy lea liza lyn maribel marilou marissa melanie merlyn nora rachelle regine remedios
                rosario rosemarie ruby sheila teresita veronica virginia wilma zenaida angeline jessa kimberly nicole trisha ella
                janine jennylyn hazel
                """,
            family: """
                santos reyes cruz bautista ocampo garcia mendoza torres tomas andrada castillo villanueva ramos aquino
                gonzales lopez flores rosario mercado aguilar castro soriano santiago francisco pascual fernandez rivera valdez lim
                tan dizon manalo navarro salazar perez gutierrez marquez jimenez diaz morales guzman leon panganiban macaraeg magbanua
                mangubat dimaculangan dimaano macapagal mabini agustin alvarez cabrera corpuz cortez enriquez estrada evangelista
                fajardo gomez hernandez ignacio lacson lagman lazaro legaspi lozada mallari manalastas manansala medina miranda
                nepomuceno pangilinan pineda quiambao quizon roxas samonte sarmiento sison tolentino vergara yap zamora ramirez
                rodriguez sanchez chua ong dacanay baluyot bernardo cunanan david dimalanta espiritu galang gatchalian javier macaspac
                magsaysay malabanan mariano mendiola padilla panlilio pascua robles romualdez tiongson velasco villareal yambao
                """
        ),
        LanguageNames(
            language: "Yoruba, Igbo, Hausa, Swahili and Akan",
            given: """
                chinedu ngozi oluwaseun amara kwame abena tendai nandi kofi adaeze emeka chidi obinna ifeanyi chioma nneka
                adebayo folake tunde yetunde musa aminu aisha hadiza baraka juma wanjiru akosua kwabena yaw ama efua
                ade adewale ayo bisi bukola dayo funmi funke gbenga jide kunle niyi olu olumide segun seun temitope tobi toyin wale
                yemi abiodun adeola adunni ayomide damilola eniola ifeoluwa oluwatobi opeyemi oreoluwa tolulope chiamaka chidinma
                chinwe chinyere ebere ifeoma ijeoma nkechi nkiru obiageli uchenna uchechi chukwuemeka chibuike chinonso ikenna kelechi
                nnamdi okechukwu somto tochukwu uzoma ebuka chisom amarachi adanna onyinye abdullahi aliyu bala garba habiba hauwa
                kabiru lawal nafisa rukayya sadiya sani umar usman bilkisu halima salisu shehu yakubu kwaku kwasi kwadwo kojo kwesi
                kobina yaa adwoa afua akua esi ekua afia akwasi zawadi neema rehema mwajuma mwanaisha amina hassani rashidi salim
                hamisi njeri wairimu wambui wanjiku nyambura akinyi atieno achieng adhiambo otieno ochieng omondi kiprono cherono
                sipho thabo lerato bongani lindiwe nomvula thandiwe zanele nokuthula mandla sibusiso siyabonga thandeka ayanda lwazi
                palesa karabo tshepo katlego lebo mpho naledi refilwe dineo
                """,
            family: """
                okafor adeyemi mensah okonkwo nwosu mwangi otieno boateng owusu abubakar eze bello okeke obi okoro
                adebayo adekunle adeniyi adesanya adeyinka adetunji adeoye adegoke ajayi akinola akinyemi alabi aluko ayodele
                babatunde bakare fashola ogunbiyi ogundipe ogunsanya ojo oladipo olaniyan olatunji olayinka oloyede omotosho onabanjo
                oyedele oyeleke sanni shittu taiwo nwankwo okoye okpara onwuka ugwu nnamdi obiora okolie ezeh anyanwu uche ibe nwafor
                nwoye odili ogbonna okechukwu okwu onuoha uzor nwabueze okorie agu igwe ndukwe madu ekwueme obasi okereke onyema musa
                ibrahim usman yusuf aliyu garba sani danjuma lawal suleiman umar abdullahi mohammed haruna idris jibril kabiru bala
                shehu tanko adamu yakubu ismaila mustapha addo acheampong adjei amoah ampofo ansah antwi asamoah asare awuah baah
                bonsu darko donkor frimpong gyamfi kyei manu nkansah nyarko obeng ofori opoku oppong sarpong tetteh quaye quartey
                amankwah agyei anane aidoo annan yeboah kwarteng kariuki kimani macharia mutua njuguna odhiambo omondi onyango owino
                wafula wanyama waweru kiprop kiptoo cheruiyot chebet korir rotich kibet langat mutai mbugua muriuki ndungu nyambura
                wambui hamisi bakari mushi massawe mrema kimaro shirima lyimo swai dlamini nkosi ndlovu mokoena khumalo moyo banda
                phiri mahlangu mthembu zwane ngcobo buthelezi shabalala sithole
                """
        ),
    ]
}
