/// The built-in classifiers, as an explicit list: adding one is one file in `Classifiers/` and
/// one line here.
public enum BuiltinClassifiers {
    /// Every built-in classifier, one per built-in ``DataClass``; the national identity numbers
    /// last.
    public static let all: [any Classifier] =
        [
            EmailClassifier(),
            PhoneClassifier(),
            SSNClassifier(),
            CreditCardClassifier(),
            IBANClassifier(),
            IPAddressClassifier(),
            DateOfBirthClassifier(),
            PersonNameClassifier(),
            StreetAddressClassifier(),
            PassportClassifier(),
            SecretClassifier(),
        ] + NationalIDClassifier.all
}
