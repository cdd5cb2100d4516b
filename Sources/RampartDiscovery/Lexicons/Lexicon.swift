/// Shared helpers and small word lists for the text classifiers.
enum Lexicon {
    /// Splits a whitespace-separated list into a set, folding each word with ``fold(_:)``.
    static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { fold(Substring($0)) })
    }

    /// Lower-cases and strips common Latin diacritics (`Müller` → `muller`, `Łukasz` → `lukasz`),
    /// so name lists need one spelling only.
    static func fold(_ word: Substring) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
            } else if let folded = foldTable[v] {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    /// ``fold(_:)`` with a fast path for ASCII words, which need no table and (up to 15 bytes)
    /// no allocation.
    static func foldFast(_ word: Substring) -> String {
        var ascii = true
        for b in word.utf8 where b >= 0x80 {
            ascii = false
            break
        }
        guard ascii else { return fold(word) }
        return String(decoding: word.utf8.map(ASCII.lower), as: UTF8.self)
    }

    private static let foldTable: [UInt32: String] = {
        let pairs: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"),
            ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"),
            ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠš", "s"), ("ŢţŤťŦŧ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"),
            ("ŹźŻżŽž", "z"), ("ß", "ss"), ("Ææ", "ae"), ("Œœ", "oe"), ("Þþ", "th"), ("Ðð", "d"), ("ʼ’‘", "'"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, folded) in pairs {
            for s in letters.unicodeScalars { table[s.value] = folded }
        }
        return table
    }()

    /// Lower-case particles inside family names: `de la Cruz`, `van der Berg`, `bin Rashid`.
    static let particles: Set<String> = words(
        "de la da das do dos di del della der den van von ter ten te du le al el bin ibn bint y e zu af"
    )

    /// Honorifics and suffixes written around names.
    static let titles: Set<String> = words(
        "mr mrs ms miss mx dr prof sir dame lady lord rev fr jr sr ii iii iv phd md esq herr frau mme mlle sra sr srta"
    )

    /// Words that mark an organisation or a product rather than a person. A general list of
    /// legal forms and common business nouns.
    static let organisationWords: Set<String> = words(
        """
        inc inc. incorporated llc l.l.c. ltd ltd. limited plc gmbh ag kg ohg ug sa s.a. sas sarl s.a.r.l. bv b.v. nv
        n.v. srl s.r.l. spa s.p.a. pty pty. oy ab as a/s aps kk co co. corp corp. corporation company companies llp lp
        group holdings holding partners associates associated enterprises enterprise industries industrial
        international global worldwide systems solutions services service technologies technology tech labs lab
        laboratories logistics consulting consultants analytics manufacturing foods food textiles pharma
        pharmaceuticals energy supply software freight media bank trust capital ventures investments insurance
        realty properties construction motors airlines foundation institute university college school hospital
        clinic church agency studio studios store stores shop market markets trading imports exports networks
        communications telecom electric electronics digital data cloud design designs brands products retail
        wholesale distribution transport transportation shipping marine mining oil gas chemicals steel
        cotton bamboo leather aluminum aluminium ceramic glass wool carbon oak chair lamp desk backpack bottle
        headphones keyboard shirt t-shirt mug blender mat charger notebook sunglasses table sofa phone cable
        ltda ltda. eireli me mei cia cia. comercio servicos industria transportes alimentos sociedade empresa sl s.l. slu
        sociedad limitada anonima snc sas sapa societa ek e.k. kgaa ev e.v. gbr handel bau immobilien verwaltung
        boulangerie transports cabinet garage atelier pharmacie conseil menuiserie jardins societe
        """
    )

    /// Major cities and regions whose names are also given or family names (`Austin`, `Paris`,
    /// `Lincoln`), so a column of places is not taken for one of people. A general gazetteer.
    static let places: Set<String> = words(
        """
        new york los angeles chicago houston phoenix philadelphia san antonio diego dallas jose austin
        jacksonville francisco columbus charlotte indianapolis seattle denver washington boston nashville
        detroit portland memphis louisville baltimore milwaukee albuquerque tucson fresno sacramento mesa
        atlanta omaha raleigh miami oakland minneapolis tulsa cleveland wichita arlington orleans tampa
        honolulu anaheim aurora lexington pittsburgh cincinnati orlando buffalo madison lincoln jersey
        salt lake city brooklyn queens bronx manhattan savannah charleston richmond norfolk
        london manchester birmingham leeds glasgow liverpool bristol sheffield edinburgh cardiff belfast
        leicester nottingham newcastle brighton oxford cambridge york bath chester
        berlin hamburg munchen munich koln cologne frankfurt stuttgart dusseldorf dortmund essen leipzig bremen
        dresden hannover nurnberg main
        paris marseille lyon toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims
        madrid barcelona valencia sevilla seville zaragoza malaga murcia palma bilbao alicante cordoba
        rome roma milan milano naples napoli turin torino palermo genoa genova bologna florence firenze venice
        amsterdam rotterdam utrecht haag hague eindhoven groningen tilburg almere breda nijmegen
        brussels antwerp ghent zurich geneva basel bern vienna wien salzburg prague warsaw krakow budapest
        lisbon porto dublin cork copenhagen stockholm oslo helsinki athens istanbul moscow
        toronto montreal vancouver calgary edmonton ottawa winnipeg quebec hamilton victoria halifax
        sydney melbourne brisbane perth adelaide auckland wellington tokyo osaka kyoto seoul beijing shanghai
        mumbai delhi bangalore chennai kolkata hyderabad dubai cairo lagos nairobi johannesburg cape town
        mexico guadalajara monterrey sao paulo rio janeiro buenos aires lima bogota santiago
        """
    )
}
